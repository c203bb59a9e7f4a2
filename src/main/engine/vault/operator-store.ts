/**
 * The vault's operator in the encrypted index (table operator, migration 0010): read it,
 * and record a change together with its custody event on the vault's chain, in one
 * transaction:
 *
 *   'operator-set'     data {name, role?, organisation?, contact?}: the new record, absent
 *                      members left out (never null); its actor names the new operator.
 *   'operator-cleared' data {}: the vault records no operator from now on; its actor is
 *                      the tool alone (who was operator until then is the data of the
 *                      'operator-set' event before it).
 *
 * So every event's actor names the operator in force once it is written. The record is
 * the operator's own statement, signed by the vault key: nobody checks who they are.
 */
import { composeActor, type Operator } from '../../../shared/operator';
import type { Signer } from '../crypto/signing';
import { appendEvent } from '../custody/store';
import { schemaVersion } from '../db/migrate';
import type { IndexDb } from '../db/open-index';

/** The schema that made the operator table (a vault opened read-only may be older: it has none). */
export const OPERATOR_SCHEMA = 10;

interface OperatorRow {
  readonly name: string;
  readonly role: string | null;
  readonly organisation: string | null;
  readonly contact: string | null;
}

/** The record with its absent members left out, as events and the API carry it. */
export function operatorData(operator: Operator): Operator {
  const out: { -readonly [K in keyof Operator]?: string } = { name: operator.name };
  if (operator.role !== undefined && operator.role !== '') out.role = operator.role;
  if (operator.organisation !== undefined && operator.organisation !== '') out.organisation = operator.organisation;
  if (operator.contact !== undefined && operator.contact !== '') out.contact = operator.contact;
  return out as Operator;
}

export function sameOperator(a: Operator | null, b: Operator | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && (a.role ?? '') === (b.role ?? '') && (a.organisation ?? '') === (b.organisation ?? '') && (a.contact ?? '') === (b.contact ?? '');
}

export function readOperator(db: IndexDb): Operator | null {
  if (schemaVersion(db) < OPERATOR_SCHEMA) return null;
  const row = db.prepare<[], OperatorRow>('SELECT name, role, organisation, contact FROM operator WHERE id = 1').get();
  if (row === undefined) return null;
  return operatorData({ name: row.name, ...(row.role === null ? {} : { role: row.role }), ...(row.organisation === null ? {} : { organisation: row.organisation }), ...(row.contact === null ? {} : { contact: row.contact }) });
}

/** Writes the row (or removes it) and its event; `operator` must have been checked (checkOperator). */
export function recordOperator(db: IndexDb, signer: Signer, chain: string, tool: string, operator: Operator | null): void {
  db.transaction(() => {
    if (operator === null) {
      appendEvent(db, signer, { chain, type: 'operator-cleared', actor: tool, data: {} });
      db.prepare('DELETE FROM operator').run();
      return;
    }
    const data = operatorData(operator);
    const { event } = appendEvent(db, signer, { chain, type: 'operator-set', actor: composeActor(data, tool), data: { ...data } });
    db.prepare(
      `INSERT INTO operator (id, name, role, organisation, contact, set_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, organisation = excluded.organisation, contact = excluded.contact, set_at = excluded.set_at`,
    ).run(data.name, data.role ?? null, data.organisation ?? null, data.contact ?? null, event.at);
  }).immediate();
}
