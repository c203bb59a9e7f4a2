/**
 * What the vault remembers of its replicas (tables replicas and replica_objects, schema 12):
 * each one's config, the last manifest it wrote there, and the objects already sent.
 */
import type { ReplicaConfig, ReplicaConfigView } from '../../../shared/replica';
import { TamgaError } from '../../../shared/errors';
import type { IndexDb } from '../db/open-index';

export interface ReplicaRow {
  readonly id: string;
  readonly name: string;
  readonly config: ReplicaConfig;
  readonly addedAt: string;
  readonly lastNumber: number | null;
  readonly lastSha256: string | null;
  readonly lastPushedAt: string | null;
  readonly verifyCursor: string | null;
}

interface RawRow {
  id: string;
  name: string;
  config: string;
  added_at: string;
  last_number: number | null;
  last_sha256: string | null;
  last_pushed_at: string | null;
  verify_cursor: string | null;
}

const COLUMNS = 'id, name, config, added_at, last_number, last_sha256, last_pushed_at, verify_cursor';

function fromRaw(raw: RawRow): ReplicaRow {
  return {
    id: raw.id,
    name: raw.name,
    config: JSON.parse(raw.config) as ReplicaConfig,
    addedAt: raw.added_at,
    lastNumber: raw.last_number,
    lastSha256: raw.last_sha256,
    lastPushedAt: raw.last_pushed_at,
    verifyCursor: raw.verify_cursor,
  };
}

export function listReplicaRows(db: IndexDb): ReplicaRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM replicas ORDER BY name`).all() as RawRow[]).map(fromRaw);
}

export function findReplicaRow(db: IndexDb, name: string): ReplicaRow | null {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM replicas WHERE name = ?`).get(name) as RawRow | undefined;
  return raw === undefined ? null : fromRaw(raw);
}

export function requireReplicaRow(db: IndexDb, name: string): ReplicaRow {
  const row = findReplicaRow(db, name);
  if (row === null) throw new TamgaError('NOT_FOUND', `This vault has no replica named "${name}" (tamga replica status lists them).`, { name });
  return row;
}

export function findReplicaRowById(db: IndexDb, id: string): ReplicaRow | null {
  const raw = db.prepare(`SELECT ${COLUMNS} FROM replicas WHERE id = ?`).get(id) as RawRow | undefined;
  return raw === undefined ? null : fromRaw(raw);
}

export function insertReplicaRow(db: IndexDb, row: { id: string; name: string; config: ReplicaConfig; addedAt: string }): void {
  db.prepare('INSERT INTO replicas (id, name, kind, config, added_at) VALUES (?, ?, ?, ?, ?)').run(row.id, row.name, row.config.kind, JSON.stringify(row.config), row.addedAt);
}

export function deleteReplicaRow(db: IndexDb, id: string): void {
  db.prepare('DELETE FROM replicas WHERE id = ?').run(id);
}

export function recordManifest(db: IndexDb, id: string, manifest: { number: number; sha256: string; at: string }): void {
  db.prepare('UPDATE replicas SET last_number = ?, last_sha256 = ?, last_pushed_at = ? WHERE id = ?').run(manifest.number, manifest.sha256, manifest.at, id);
}

export function saveVerifyCursor(db: IndexDb, id: string, cursor: string | null): void {
  db.prepare('UPDATE replicas SET verify_cursor = ? WHERE id = ?').run(cursor, id);
}

export interface SentObject {
  readonly size: number;
  readonly sha256: string;
}

/** Every object a push has put into this replica, by name. */
export function sentObjects(db: IndexDb, replicaId: string): Map<string, SentObject> {
  const rows = db.prepare('SELECT name, size, sha256 FROM replica_objects WHERE replica_id = ?').all(replicaId) as Array<{ name: string; size: number; sha256: string }>;
  return new Map(rows.map((r) => [r.name, { size: r.size, sha256: r.sha256 }]));
}

export function recordSent(db: IndexDb, replicaId: string, name: string, sent: SentObject): void {
  db.prepare('INSERT INTO replica_objects (replica_id, name, size, sha256) VALUES (?, ?, ?, ?) ON CONFLICT (replica_id, name) DO UPDATE SET size = excluded.size, sha256 = excluded.sha256').run(replicaId, name, sent.size, sent.sha256);
}

export function forgetSent(db: IndexDb, replicaId: string, name: string): void {
  db.prepare('DELETE FROM replica_objects WHERE replica_id = ? AND name = ?').run(replicaId, name);
}

/** The config without the S3 secret, for status and messages. */
export function configView(config: ReplicaConfig): ReplicaConfigView {
  if (config.kind === 'folder') return config;
  const { secretAccessKey: _secret, ...shown } = config;
  return shown;
}
