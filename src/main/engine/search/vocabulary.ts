/** The vault's tag and case names, as the query compiler resolves `tag:` and `case:` against them. */
import type { IndexDb } from '../db/open-index';
import type { Vocabulary } from './compile';

export function vaultVocabulary(db: IndexDb): Vocabulary {
  return {
    tags: () => db.prepare('SELECT tag FROM tag_counts').pluck().all() as string[],
    cases: () => db.prepare('SELECT id, name FROM cases').all() as Array<{ id: string; name: string }>,
  };
}
