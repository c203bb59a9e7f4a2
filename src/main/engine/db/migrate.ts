/**
 * Brings the index schema up to date, one numbered migration per transaction, recording
 * progress in SQLite's user_version. A database from a newer Tamga (user_version above
 * what this build knows) is refused untouched: guessing at a future schema could lose data.
 */
import { TamgaError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import type { IndexDb } from './open-index';

export function schemaVersion(db: IndexDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function checkSchemaVersion(db: IndexDb, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = latestSchemaVersion(migrations);
  if (current > latest) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `This vault's index has schema version ${current}, newer than this Tamga knows (${latest}). Use a newer Tamga; nothing was changed.`,
      { schemaVersion: current, supported: latest },
    );
  }
  return current;
}

/** Returns the versions applied. */
export function migrate(db: IndexDb, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new TamgaError('INTERNAL', `Migration ${m.name} is numbered ${m.version}, expected ${i + 1}.`);
  });
  const current = checkSchemaVersion(db, migrations);
  const applied: number[] = [];
  for (const m of migrations.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
