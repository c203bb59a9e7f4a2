// The empty query's total and facets come from the index's own counts (whole-vault.ts),
// not from the facet index: both must say the same, before and after tags change.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSyntheticItems } from '../../bench/synthetic-vault';
import { facetIndex } from '../../src/main/engine/search/facet-index';
import { facetCounts } from '../../src/main/engine/search/facets';
import { wholeVault } from '../../src/main/engine/search/whole-vault';
import { createVault } from '../../src/main/engine/vault/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

describe('the counts of the whole vault', () => {
  it('equal the facet index counted over every item, also after a change', async () => {
    const vault = await createVault(join(await tempDir(), 'vault'), PASSPHRASE);
    try {
      const { db } = vault;
      addSyntheticItems(db, { count: 2000, seed: 7 });
      const same = (): void => {
        db.transaction(() => {
          const index = facetIndex(db);
          const whole = wholeVault(db);
          expect(whole.itemCount).toBe(index.itemCount);
          expect(whole.facets).toEqual(facetCounts(index, null));
        })();
      };
      same();
      expect(wholeVault(db).itemCount).toBe(2000);
      expect(wholeVault(db).facets.tags.length).toBeGreaterThan(10);
      expect(wholeVault(db).facets.cases.length).toBeGreaterThan(3);
      db.prepare("DELETE FROM item_tags WHERE tag = 'police'").run();
      db.prepare("INSERT INTO item_tags (item_id, tag) SELECT id, 'новый тег' FROM items LIMIT 3").run();
      same();
      expect(wholeVault(db).facets.tags.find((t) => t.value === 'новый тег')?.count).toBe(3);
    } finally {
      vault.close();
    }
  });
});
