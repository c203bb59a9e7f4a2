/**
 * Private fields: text the vault keeps for its owner and never lets out of the vault,
 * not even inside a signed custody record. Notes are private. A `described` event that
 * changes one records `{"commitment": C}` instead of `{"old": …, "new": …}`, where
 *
 *   C = hex SHA-256( "tamga private field v1" 0x0a ‖ salt (32 bytes) ‖ UTF-8 of the new text )
 *
 * and the salt is kept in the encrypted index (schema 7). The owner can prove later what
 * the text was by revealing it with its salt (`tamga reveal`); without the salt nobody
 * can test guesses against C. docs/formats.md, "Private fields", has a worked example.
 *
 * Events written by Tamga 0.1.0 carried note text in the clear. They are never rewritten
 * (that would break every signature after them); a bundle carries each of them as a
 * withheld record instead (src/main/engine/custody/withheld.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ItemTextField } from '../../../shared/organise';
import type { IndexDb } from '../db/open-index';

export const PRIVATE_FIELDS: ReadonlySet<ItemTextField> = new Set<ItemTextField>(['notes']);

export const COMMITMENT_PREFIX = Buffer.from('tamga private field v1\n', 'utf8');
export const SALT_BYTES = 32;

export function commitment(salt: Buffer, value: string): string {
  return createHash('sha256').update(COMMITMENT_PREFIX).update(salt).update(Buffer.from(value, 'utf8')).digest('hex');
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

export function storeSalt(db: IndexDb, chain: string, seq: number, field: ItemTextField, salt: Buffer): void {
  db.prepare('INSERT INTO private_field_salts (chain, seq, field, salt) VALUES (?, ?, ?, ?)').run(chain, seq, field, salt);
}

export function saltOf(db: IndexDb, chain: string, seq: number, field: string): Buffer | null {
  const row = db.prepare('SELECT salt FROM private_field_salts WHERE chain = ? AND seq = ? AND field = ?').get(chain, seq, field) as { salt: Buffer } | undefined;
  return row?.salt ?? null;
}
