/**
 * Cases: named collections of items with their own description (e.g. "Almaty kettling
 * 2021-01-10"). Names are unique ignoring case and accents, so "almaty kettling" can
 * find the case and cannot be created beside it.
 *
 * Creating, renaming and describing a case changes no item, so it is not an item
 * custody event; membership changes are (case-members.ts).
 */
import { randomUUID } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import type { CaseRef, CaseSummary, CreateCaseRequest, UpdateCaseRequest } from '../../../shared/organise';
import type { IndexDb } from '../db/open-index';
import { nameKey } from '../search/fold';
import { inWriteTransaction } from './context';
import { caseDescription, caseName } from './text';

const SUMMARY = `SELECT c.id, c.name, c.description, c.created_at AS createdAt,
  (SELECT count(*) FROM case_items ci WHERE ci.case_id = c.id) AS itemCount FROM cases c`;

export function listCases(db: IndexDb): CaseSummary[] {
  return db.prepare(`${SUMMARY} ORDER BY c.name`).all() as CaseSummary[];
}

function caseSummary(db: IndexDb, id: string): CaseSummary {
  return db.prepare(`${SUMMARY} WHERE c.id = ?`).get(id) as CaseSummary;
}

/** A case by id or by name (ignoring case and accents); NOT_FOUND otherwise. */
export function resolveCase(db: IndexDb, ref: unknown): CaseRef {
  if (typeof ref !== 'string' || ref.trim() === '') throw new TamgaError('INVALID_ARGUMENT', 'Name the case by its name or id.');
  const rows = db.prepare('SELECT id, name FROM cases').all() as CaseRef[];
  const key = nameKey(ref);
  const found = rows.find((c) => c.id === ref.trim()) ?? rows.find((c) => nameKey(c.name) === key);
  if (found === undefined) throw new TamgaError('NOT_FOUND', `There is no case "${ref}" in this vault.`, { case: ref });
  return found;
}

function assertNameFree(db: IndexDb, name: string, exceptId: string | null): void {
  const key = nameKey(name);
  const clash = (db.prepare('SELECT id, name FROM cases').all() as CaseRef[]).find((c) => c.id !== exceptId && nameKey(c.name) === key);
  if (clash !== undefined) throw new TamgaError('ALREADY_EXISTS', `A case named "${clash.name}" exists already.`, { case: clash.id });
}

export function createCase(db: IndexDb, request: CreateCaseRequest): CaseSummary {
  const name = caseName(request.name);
  const description = caseDescription(request.description ?? '');
  return inWriteTransaction(db, () => {
    assertNameFree(db, name, null);
    const id = randomUUID();
    db.prepare('INSERT INTO cases (id, name, description, created_at) VALUES (?, ?, ?, ?)').run(id, name, description, new Date().toISOString());
    return caseSummary(db, id);
  });
}

export function updateCase(db: IndexDb, request: UpdateCaseRequest): CaseSummary {
  if (request.name === undefined && request.description === undefined) {
    throw new TamgaError('INVALID_ARGUMENT', 'Nothing to change: give a new name or a description.');
  }
  const name = request.name === undefined ? null : caseName(request.name);
  const description = request.description === undefined ? null : caseDescription(request.description);
  return inWriteTransaction(db, () => {
    const target = resolveCase(db, request.case);
    if (name !== null) assertNameFree(db, name, target.id);
    db.prepare('UPDATE cases SET name = coalesce(?, name), description = coalesce(?, description) WHERE id = ?').run(name, description, target.id);
    return caseSummary(db, target.id);
  });
}

/** The cases an item belongs to, by name. */
export function casesOfItem(db: IndexDb, itemId: string): CaseRef[] {
  return db.prepare('SELECT c.id, c.name FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.item_id = ? ORDER BY c.name').all(itemId) as CaseRef[];
}
