/**
 * How many of the vault's seals still wait for a timestamp (src/shared/timestamp.ts,
 * TimestampStatus): the window's quiet "N seals waiting for a timestamp" line. One
 * statement each, so it reads a consistent index even while an import writes.
 *
 * Tokens are recorded under the server address they were asked at (seal_timestamps.tsa),
 * which is the saved address exactly, so "stamped by this server" is an equality.
 */
import type { TimestampStatus } from '../../../shared/timestamp';
import type { IndexDb } from '../db/open-index';
import { savedTimestampServers } from './vault-stamps';

/** Seals that some saved server has not stamped yet: what stampSeals with the saved servers would ask for. */
const WAITING_FOR_SAVED = `
  SELECT COUNT(*) FROM seals s
  WHERE EXISTS (
    SELECT 1 FROM timestamp_servers ts
    WHERE NOT EXISTS (SELECT 1 FROM seal_timestamps st WHERE st.bundle_id = s.bundle_id AND st.tsa = ts.url)
  )`;

/** With no server saved: seals with no timestamp from anyone (the CLI may have stamped some with --tsa). */
const WITHOUT_ANY = 'SELECT COUNT(*) FROM seals s WHERE NOT EXISTS (SELECT 1 FROM seal_timestamps st WHERE st.bundle_id = s.bundle_id)';

export function timestampStatus(db: IndexDb): TimestampStatus {
  const servers = savedTimestampServers(db);
  const seals = db.prepare<[], number>('SELECT COUNT(*) FROM seals').pluck().get() ?? 0;
  const waiting = db.prepare<[], number>(servers.length > 0 ? WAITING_FOR_SAVED : WITHOUT_ANY).pluck().get() ?? 0;
  return { servers, seals, waiting };
}
