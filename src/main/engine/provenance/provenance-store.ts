/**
 * The provenance store (tables provenance_records, provenance_files and provenance_contents, migration 0016):
 * the sender's material kept per item, byte for byte, in the encrypted index. Add writes
 * inside the caller's transaction (with the item's `received` event and acquisition, so
 * that all or none exist); list and read are plain reads. SQL for these tables lives here
 * and nowhere else. Re-verification is provenance-check.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AcceptedProblem, ProvenanceFileInfo, ProvenanceRecord, SenderStatements } from '../../../shared/provenance';
import { TamgaError } from '../../../shared/errors';
import { schemaVersion } from '../db/migrate';
import type { IndexDb } from '../db/open-index';

/** The schema that made the provenance tables (a vault opened read-only may be older). */
export const PROVENANCE_SCHEMA = 16;

export interface ProvenanceFileInput {
  /** A relative path with `/`, no `.` or `..` component, e.g. `custody.jsonl` or `hops/1/signer.pem`. */
  readonly name: string;
  readonly role: string;
  readonly content: Uint8Array;
}

/** A record as it is added: what ProvenanceRecord says, less the id and files the store gives it. */
export type NewProvenanceRecord = Omit<ProvenanceRecord, 'id' | 'files'>;

/** A row of provenance_records: the record's lists as JSON, and its own content's digest and size. */
type RecordRow = Omit<NewProvenanceRecord, 'problems' | 'statements'> & {
  readonly id: string;
  readonly problemsJson: string;
  readonly statementsJson: string;
  readonly sha256: string;
  readonly size: number;
};

const RECORD_COLUMNS = `id, item_id AS itemId, source, received_at AS receivedAt, event_seq AS eventSeq, bundle_id AS bundleId,
  exhibit, sender_fingerprint AS senderFingerprint, sender_name AS senderName, tag_manifest_sha256 AS tagManifestSha256,
  verdict, problems_json AS problemsJson, statements_json AS statementsJson`;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A kept file's name: relative, `/`-separated, printable; anything else is a caller's bug. */
function checkName(name: string): void {
  const parts = name.split('/');
  if (name.length === 0 || name.length > 1000 || parts.some((p) => p === '' || p === '.' || p === '..') || /[\\\p{Cc}]/u.test(name)) {
    throw new TamgaError('INVALID_ARGUMENT', `A provenance file name must be a relative path; ${JSON.stringify(name)} is not.`);
  }
}

/** Stores one record and its files; returns the record's id. Call inside the caller's transaction. */
export function addProvenance(db: IndexDb, record: NewProvenanceRecord, files: readonly ProvenanceFileInput[]): string {
  const id = randomUUID();
  const names = new Set<string>();
  for (const f of files) {
    checkName(f.name);
    if (names.has(f.name)) throw new TamgaError('INVALID_ARGUMENT', `The provenance file ${f.name} is given twice.`);
    names.add(f.name);
  }
  const write = (): void => {
    db.prepare(
      `INSERT INTO provenance_records (id, item_id, source, received_at, event_seq, bundle_id, exhibit, sender_fingerprint,
         sender_name, tag_manifest_sha256, verdict, problems_json, statements_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, record.itemId, record.source, record.receivedAt, record.eventSeq, record.bundleId, record.exhibit, record.senderFingerprint,
      record.senderName, record.tagManifestSha256, record.verdict, JSON.stringify(record.problems), JSON.stringify(record.statements),
    );
    const content = db.prepare('INSERT OR IGNORE INTO provenance_contents (sha256, content) VALUES (?, ?)');
    const insert = db.prepare('INSERT INTO provenance_files (record_id, name, role, sha256) VALUES (?, ?, ?, ?)');
    for (const f of files) {
      const sha256 = sha256Hex(f.content);
      content.run(sha256, Buffer.from(f.content));
      insert.run(id, f.name, f.role, sha256);
    }
  };
  if (db.inTransaction) write();
  else db.transaction(write).immediate();
  return id;
}

function filesOf(db: IndexDb, recordId: string): ProvenanceFileInfo[] {
  return db
    .prepare<[string], ProvenanceFileInfo>('SELECT f.name, f.role, f.sha256, length(c.content) AS size FROM provenance_files f JOIN provenance_contents c USING (sha256) WHERE f.record_id = ? ORDER BY f.name')
    .all(recordId);
}

function toRecord(db: IndexDb, row: RecordRow): ProvenanceRecord {
  const { problemsJson, statementsJson, ...rest } = row;
  return { ...rest, problems: JSON.parse(problemsJson) as AcceptedProblem[], statements: JSON.parse(statementsJson) as SenderStatements, files: filesOf(db, row.id) };
}

/** Every record of one item, oldest first ([] for a vault older than schema 16). */
export function listProvenance(db: IndexDb, itemId: string): ProvenanceRecord[] {
  if (schemaVersion(db) < PROVENANCE_SCHEMA) return [];
  return db.prepare<[string], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM provenance_records WHERE item_id = ? ORDER BY received_at, rowid`).all(itemId).map((r) => toRecord(db, r));
}

/** Every record in the vault, by item then time (for audit). */
export function listAllProvenance(db: IndexDb): ProvenanceRecord[] {
  if (schemaVersion(db) < PROVENANCE_SCHEMA) return [];
  return db.prepare<[], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM provenance_records ORDER BY item_id, received_at, rowid`).all().map((r) => toRecord(db, r));
}

/** One kept file's bytes as stored, null when the record has no such file. */
export function readProvenanceFile(db: IndexDb, recordId: string, name: string): Buffer | null {
  if (schemaVersion(db) < PROVENANCE_SCHEMA) return null;
  const row = db.prepare<[string, string], { content: Buffer }>('SELECT c.content FROM provenance_files f JOIN provenance_contents c USING (sha256) WHERE f.record_id = ? AND f.name = ?').get(recordId, name);
  return row?.content ?? null;
}

/** Every kept file of a record with its bytes, by name. */
export function readProvenanceFiles(db: IndexDb, recordId: string): { name: string; role: string; sha256: string; content: Buffer }[] {
  if (schemaVersion(db) < PROVENANCE_SCHEMA) return [];
  return db
    .prepare<[string], { name: string; role: string; sha256: string; content: Buffer }>('SELECT f.name, f.role, f.sha256, c.content FROM provenance_files f JOIN provenance_contents c USING (sha256) WHERE f.record_id = ? ORDER BY f.name')
    .all(recordId);
}
