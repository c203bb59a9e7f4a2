/**
 * Schema 5: search. A `place` per item (what people write: "Petropavlovsk, polling
 * station 660"); `search_items`, a narrow copy of what filters and sorts read, with tags
 * and case membership keyed the same way (`search_tags`, `search_cases`); a full-text
 * index over everything people search by words; a tag vocabulary with counts.
 * Shipped: never edit, add a new migration.
 *
 * Why a narrow copy: `items` rows are wide (the full metadata JSON) and every page read
 * from the encrypted file costs a decryption, so a filter that had to visit each item
 * row (has:gps, -type:photo, a broad word) read hundreds of megabytes. `search_items`
 * holds a few dozen bytes per item and stays in the page cache. Its INTEGER PRIMARY KEY
 * `doc` is also the FTS rowid: stable under VACUUM, which may renumber the rowids of
 * `items` (its primary key is a TEXT id). Every search condition is a condition on
 * `doc`, so SQLite never has to combine two lists of 36-character ids (with no
 * statistics it once chose to try every pair of them).
 *
 * Triggers keep all of it in step with items, item_tags and case_items, whoever writes them (the
 * importer, organising, the benchmark generator): none of them can forget the index.
 *
 * Text goes in folded the way queries are folded (src/main/engine/search/fold.ts):
 * ё → е, which Russian writers use for one letter and the unicode61 tokenizer keeps
 * apart. Case and diacritics are the tokenizer's (remove_diacritics 2): "Petropavlovsk"
 * meets "PETROPAVLOVSK", "café" meets "cafe".
 */
import type { Migration } from './migration';

/** The fold as SQL, frozen with this migration (the engine's copy must agree with it). */
const fold = (expr: string): string => `replace(replace(${expr}, 'ё', 'е'), 'Ё', 'Е')`;

const tagsOf = (itemId: string): string => `coalesce((SELECT group_concat(tag, ' ') FROM item_tags WHERE item_id = ${itemId}), '')`;

const docOf = (itemId: string): string => `(SELECT doc FROM search_items WHERE item_id = ${itemId})`;

/** Statements that copy one membership row (a tag, a case) into its doc-keyed table, or take it out. */
const member = (table: string, key: string) => ({
  add: (row: string): string => `INSERT OR IGNORE INTO ${table} (${key}, doc) SELECT ${row}.${key}, doc FROM search_items WHERE item_id = ${row}.item_id;`,
  remove: (row: string): string => `DELETE FROM ${table} WHERE ${key} = ${row}.${key} AND doc = ${docOf(`${row}.item_id`)};`,
});
const tagMember = member('search_tags', 'tag');
const caseMember = member('search_cases', 'case_id');

const ftsValues = (row: string): string =>
  [
    fold(`${row}.title`),
    fold(`${row}.description`),
    fold(`${row}.notes`),
    fold(`${row}.original_name`),
    fold(tagsOf(`${row}.id`)),
    fold(`trim(coalesce(${row}.make, '') || ' ' || coalesce(${row}.model, ''))`),
    fold(`${row}.place`),
  ].join(',\n        ');

/** The search_items columns computed from an items row. */
const facts = (row: string): string =>
  `${row}.kind, coalesce(${row}.captured_utc, ${row}.captured_local, ''), ${row}.imported_at, ${row}.gps_lat, ${row}.gps_lon,
        ${row}.title <> '', ${row}.description <> '', ${row}.notes <> '', ${row}.place <> ''`;

const BUMP = 'UPDATE search_version SET version = version + 1;';

const FACT_COLUMNS = 'kind, captured_at, imported_at, gps_lat, gps_lon, has_title, has_description, has_notes, has_place';
const FTS_COLUMNS = 'title, description, notes, name, tags, camera, place';
const TEXT_CHANGED = ['title', 'description', 'notes', 'original_name', 'make', 'model', 'place'].map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

export const migration0005: Migration = {
  version: 5,
  name: 'search',
  up: `
    ALTER TABLE items ADD COLUMN place TEXT NOT NULL DEFAULT '';

    CREATE TABLE search_items (
      doc             INTEGER PRIMARY KEY,      -- also the search_fts rowid
      item_id         TEXT NOT NULL UNIQUE REFERENCES items (id),
      kind            TEXT NOT NULL,
      -- The capture time searches and sorts use: the UTC instant when the offset is known,
      -- else the camera's clock time (all an item whose zone is unknown has), '' if neither.
      captured_at     TEXT NOT NULL,
      imported_at     TEXT NOT NULL,
      gps_lat         REAL,
      gps_lon         REAL,
      has_title       INTEGER NOT NULL,
      has_description INTEGER NOT NULL,
      has_notes       INTEGER NOT NULL,
      has_place       INTEGER NOT NULL
    ) STRICT;
    -- Keyset pages walk (sort key, doc); date ranges use the same indexes.
    CREATE INDEX search_items_captured ON search_items (captured_at, doc);
    CREATE INDEX search_items_imported ON search_items (imported_at, doc);
    CREATE INDEX search_items_kind ON search_items (kind, captured_at, doc);
    -- near: narrows by a bounding box on these before the exact distance.
    CREATE INDEX search_items_gps ON search_items (gps_lat, gps_lon);
    -- sha256: prefixes find item ids in the index alone, without reading the wide items rows.
    CREATE INDEX items_sha256_id ON items (sha256, id);

    CREATE TABLE search_tags (
      tag TEXT NOT NULL,
      doc INTEGER NOT NULL,
      PRIMARY KEY (tag, doc)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX search_tags_doc ON search_tags (doc);

    CREATE TABLE search_cases (
      case_id TEXT NOT NULL,
      doc     INTEGER NOT NULL,
      PRIMARY KEY (case_id, doc)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX search_cases_doc ON search_cases (doc);

    -- Moves whenever what facets count changes (items, tags, cases, case names), so that an
    -- in-memory copy (search/facet-index.ts) knows when it is stale.
    CREATE TABLE search_version (
      one     INTEGER PRIMARY KEY CHECK (one = 1),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_version (one, version) VALUES (1, 0);

    CREATE TABLE tag_counts (
      tag   TEXT PRIMARY KEY,
      items INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE VIRTUAL TABLE search_fts USING fts5 (
      ${FTS_COLUMNS},
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    CREATE TRIGGER search_items_insert AFTER INSERT ON items BEGIN
      ${BUMP}
      INSERT INTO search_items (item_id, ${FACT_COLUMNS}) VALUES (NEW.id, ${facts('NEW')});
      -- Tags or cases written before their item (foreign keys deferred) join it now.
      INSERT INTO search_tags (tag, doc) SELECT tag, ${docOf('NEW.id')} FROM item_tags WHERE item_id = NEW.id;
      INSERT INTO search_cases (case_id, doc) SELECT case_id, ${docOf('NEW.id')} FROM case_items WHERE item_id = NEW.id;
      INSERT INTO search_fts (rowid, ${FTS_COLUMNS}) VALUES (
        ${docOf('NEW.id')},
        ${ftsValues('NEW')});
    END;

    CREATE TRIGGER search_items_update
    AFTER UPDATE OF kind, captured_utc, captured_local, imported_at, gps_lat, gps_lon, title, description, notes, place ON items BEGIN
      ${BUMP}
      UPDATE search_items SET (${FACT_COLUMNS}) = (${facts('NEW')}) WHERE item_id = NEW.id;
    END;

    CREATE TRIGGER search_fts_update AFTER UPDATE OF title, description, notes, original_name, make, model, place ON items
    WHEN ${TEXT_CHANGED} BEGIN
      ${BUMP}
      DELETE FROM search_fts WHERE rowid = ${docOf('NEW.id')};
      INSERT INTO search_fts (rowid, ${FTS_COLUMNS}) VALUES (
        ${docOf('NEW.id')},
        ${ftsValues('NEW')});
    END;

    CREATE TRIGGER search_items_delete BEFORE DELETE ON items BEGIN
      ${BUMP}
      DELETE FROM search_fts WHERE rowid = ${docOf('OLD.id')};
      DELETE FROM search_tags WHERE doc = ${docOf('OLD.id')};
      DELETE FROM search_cases WHERE doc = ${docOf('OLD.id')};
      DELETE FROM search_items WHERE item_id = OLD.id;
    END;

    CREATE TRIGGER search_tags_insert AFTER INSERT ON item_tags BEGIN
      ${BUMP}
      INSERT INTO tag_counts (tag, items) VALUES (NEW.tag, 1) ON CONFLICT (tag) DO UPDATE SET items = items + 1;
      ${tagMember.add('NEW')}
      UPDATE search_fts SET tags = ${fold(tagsOf('NEW.item_id'))} WHERE rowid = ${docOf('NEW.item_id')};
    END;

    CREATE TRIGGER search_tags_delete AFTER DELETE ON item_tags BEGIN
      ${BUMP}
      UPDATE tag_counts SET items = items - 1 WHERE tag = OLD.tag;
      DELETE FROM tag_counts WHERE tag = OLD.tag AND items <= 0;
      ${tagMember.remove('OLD')}
      UPDATE search_fts SET tags = ${fold(tagsOf('OLD.item_id'))} WHERE rowid = ${docOf('OLD.item_id')};
    END;

    -- Nothing updates these rows today; if something does, it is a removal and an addition.
    CREATE TRIGGER search_tags_update AFTER UPDATE ON item_tags BEGIN
      ${BUMP}
      UPDATE tag_counts SET items = items - 1 WHERE tag = OLD.tag;
      DELETE FROM tag_counts WHERE tag = OLD.tag AND items <= 0;
      INSERT INTO tag_counts (tag, items) VALUES (NEW.tag, 1) ON CONFLICT (tag) DO UPDATE SET items = items + 1;
      ${tagMember.remove('OLD')}
      ${tagMember.add('NEW')}
      UPDATE search_fts SET tags = ${fold(tagsOf('OLD.item_id'))} WHERE rowid = ${docOf('OLD.item_id')};
      UPDATE search_fts SET tags = ${fold(tagsOf('NEW.item_id'))} WHERE rowid = ${docOf('NEW.item_id')};
    END;

    CREATE TRIGGER search_cases_insert AFTER INSERT ON case_items BEGIN
      ${BUMP}
      ${caseMember.add('NEW')}
    END;

    CREATE TRIGGER search_cases_delete AFTER DELETE ON case_items BEGIN
      ${BUMP}
      ${caseMember.remove('OLD')}
    END;

    CREATE TRIGGER search_cases_update AFTER UPDATE ON case_items BEGIN
      ${BUMP}
      ${caseMember.remove('OLD')}
      ${caseMember.add('NEW')}
    END;

    CREATE TRIGGER search_case_names AFTER UPDATE OF name ON cases BEGIN
      ${BUMP}
    END;

    -- What exists already is indexed now, in one pass.
    INSERT INTO tag_counts (tag, items) SELECT tag, count(*) FROM item_tags GROUP BY tag;
    INSERT INTO search_items (item_id, ${FACT_COLUMNS}) SELECT i.id, ${facts('i')} FROM items i ORDER BY i.imported_at, i.id;
    INSERT INTO search_tags (tag, doc) SELECT t.tag, s.doc FROM item_tags t JOIN search_items s ON s.item_id = t.item_id;
    INSERT INTO search_cases (case_id, doc) SELECT c.case_id, s.doc FROM case_items c JOIN search_items s ON s.item_id = c.item_id;
    INSERT INTO search_fts (rowid, ${FTS_COLUMNS})
      SELECT s.doc,
        ${ftsValues('i')}
      FROM search_items s JOIN items i ON i.id = s.item_id;
  `,
};
