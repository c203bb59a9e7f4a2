/**
 * Private fields: text the vault keeps for its owner and never lets out of the vault,
 * not even inside a signed custody record. Notes are always private; a description is
 * private when its item is marked so (items.description_private, schema 8). A
 * `described` event that changes one records `{"commitment": C}` instead of
 * `{"old": …, "new": …}`, where
 *
 *   C = hex SHA-256( "tamga private field v1" 0x0a ‖ salt (32 bytes) ‖ UTF-8 of the new text )
 *
 * and the salt is kept in the encrypted index (schema 7) with the text (schema 8). The
 * owner can prove later what the text was by revealing it with its salt (`tamga reveal`);
 * without the salt nobody can test guesses against C. docs/formats.md, "Private
 * fields", has a worked example.
 *
 * Events that carry a private field's text in the clear (Tamga 0.1.0's notes; a
 * description's changes made before it was marked private) are never rewritten (that
 * would break every signature after them); a bundle carries each of them as a withheld
 * record instead (src/main/engine/custody/withheld.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ItemTextField } from '../../../shared/organise';
import type { IndexDb } from '../db/open-index';

/** Private on every item. */
export const ALWAYS_PRIVATE: ReadonlySet<ItemTextField> = new Set<ItemTextField>(['notes']);

/** The fields private on one item: notes, and its description when it is marked private. */
export function privateFieldsOf(descriptionPrivate: boolean): ReadonlySet<ItemTextField> {
  return descriptionPrivate ? new Set<ItemTextField>(['notes', 'description']) : ALWAYS_PRIVATE;
}

export function isDescriptionPrivate(db: IndexDb, itemId: string): boolean {
  const row = db.prepare('SELECT description_private AS p FROM items WHERE id = ?').get(itemId) as { p: number } | undefined;
  return row?.p === 1;
}

export const COMMITMENT_PREFIX = Buffer.from('tamga private field v1\n', 'utf8');
export const SALT_BYTES = 32;

export function commitment(salt: Buffer, value: string): string {
  return createHash('sha256').update(COMMITMENT_PREFIX).update(salt).update(Buffer.from(value, 'utf8')).digest('hex');
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/** Keeps the salt and the text one event committed to (in the encrypted index, never exported). */
export function storeSalt(db: IndexDb, chain: string, seq: number, field: ItemTextField, salt: Buffer, value: string): void {
  db.prepare('INSERT INTO private_field_salts (chain, seq, field, salt, value) VALUES (?, ?, ?, ?, ?)').run(chain, seq, field, salt, value);
}

/** The salt and text (null when schema 7 kept only the salt) of one commitment, or null. */
export function keptCommitment(db: IndexDb, chain: string, seq: number, field: string): { salt: Buffer; value: string | null } | null {
  const row = db.prepare('SELECT salt, value FROM private_field_salts WHERE chain = ? AND seq = ? AND field = ?').get(chain, seq, field) as { salt: Buffer; value: string | null } | undefined;
  return row ?? null;
}
