// The words of Settings → Copies and of the status bar's copy line: relative times in the
// window's language, which replica the line names, the push percentage, and what a check's
// opening sentence may claim.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { formatRelative, hasRelativeData, relativeUnit } from '../../../src/renderer/src/format/relative-time';
import { relativeWords } from '../../../src/renderer/src/features/copies/relative-words';
import kk from '../../../src/renderer/src/i18n/locales/kk.json';
import ru from '../../../src/renderer/src/i18n/locales/ru.json';
import { chooseCopyLine, copyTroubles, pushPercent } from '../../../src/renderer/src/features/copies/copy-line';
import { TamgaError } from '../../../src/shared/errors';
import { checkSummary } from '../../../src/renderer/src/features/copies/check-summary';
import type { ReplicaCheckReport, ReplicaStatus } from '../../../src/shared/replica';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const MIN = 60_000;

describe('relative times', () => {
  it('rounds down to the unit a person would say', () => {
    expect(relativeUnit(-30_000)).toEqual({ value: 0, unit: 'second' });
    expect(relativeUnit(-59 * MIN)).toEqual({ value: -59, unit: 'minute' });
    expect(relativeUnit(-119 * MIN)).toEqual({ value: -1, unit: 'hour' });
    expect(relativeUnit(-120 * MIN)).toEqual({ value: -2, unit: 'hour' });
    expect(relativeUnit(-3 * 24 * 60 * MIN)).toEqual({ value: -3, unit: 'day' });
    expect(relativeUnit(-400 * 24 * 60 * MIN)).toEqual({ value: -1, unit: 'year' });
  });

  it('speaks English, Russian and Kazakh', () => {
    const twoHoursAgo = new Date(NOW - 2 * 60 * MIN).toISOString();
    expect(formatRelative(twoHoursAgo, NOW, 'en')).toBe('2 hours ago');
    expect(formatRelative(twoHoursAgo, NOW, 'ru')).toBe('2 часа назад');
    expect(formatRelative(twoHoursAgo, NOW, 'kk')).toMatch(/^2 сағат бұрын$/);
    expect(formatRelative(new Date(NOW - 10_000).toISOString(), NOW, 'en')).toBe('now');
  });

  it("says it in the window's own words where the Intl has none for the language (Chromium's Kazakh)", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'kk', resources: { kk: { translation: kk }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
    const twoHoursAgo = new Date(NOW - 2 * 60 * MIN).toISOString();
    const noData = (): boolean => false;
    expect(formatRelative(twoHoursAgo, NOW, 'kk', relativeWords(i18n.t), noData)).toBe('2 сағат бұрын');
    expect(formatRelative(new Date(NOW - 10_000).toISOString(), NOW, 'kk', relativeWords(i18n.t), noData)).toBe('қазір');
    expect(formatRelative(new Date(NOW + 5 * MIN).toISOString(), NOW, 'kk', relativeWords(i18n.t), noData)).toBe('5 минуттан кейін');
    expect(formatRelative(new Date(NOW - 5 * 24 * 60 * MIN).toISOString(), NOW, 'ru', relativeWords(i18n.getFixedT('ru')), noData)).toBe('5 дней назад');
    // With the language's data, Intl's own words, whatever is passed.
    expect(formatRelative(twoHoursAgo, NOW, 'ru', relativeWords(i18n.t), () => true)).toBe('2 часа назад');
    // The root locale's words are English: a language whose Intl says them has no data of its own.
    expect(hasRelativeData('en')).toBe(true);
    expect(hasRelativeData('ru')).toBe(true);
  });

  it('follows the clock: the same time reads older later', () => {
    const at = new Date(NOW).toISOString();
    expect(formatRelative(at, NOW + 5 * MIN, 'en')).toBe('5 minutes ago');
    expect(formatRelative(at, NOW + 3 * 60 * MIN, 'en')).toBe('3 hours ago');
  });

  it('invents nothing for a time that does not parse', () => {
    expect(formatRelative('', NOW, 'en')).toBeNull();
  });
});

function replica(name: string, pushedAt: string | null, pendingItems = 0): ReplicaStatus {
  return {
    id: name,
    name,
    description: `folder /media/${name}`,
    config: { kind: 'folder', path: `/media/${name}` },
    addedAt: '2026-12-01T00:00:00Z',
    lastManifest: pushedAt === null ? null : { number: 1, sha256: 'a'.repeat(64), pushedAt },
    pendingObjects: pendingItems * 2,
    pendingItems,
  };
}

describe('the status line', () => {
  it('says nothing before the list is read, and that no copy exists when there is none', () => {
    expect(chooseCopyLine(null, null)).toBeNull();
    expect(chooseCopyLine([], null)).toEqual({ kind: 'none' });
  });

  it('names the replica with the oldest copy, with its items waiting and the number of replicas', () => {
    const line = chooseCopyLine([replica('ngo', '2026-12-04T10:00:00Z', 0), replica('usb', '2026-12-01T10:00:00Z', 3)], null);
    expect(line).toEqual({ kind: 'copied', name: 'usb', at: '2026-12-01T10:00:00Z', waiting: 3, replicas: 2 });
  });

  it('names a replica never copied to before any that has a copy', () => {
    expect(chooseCopyLine([replica('ngo', '2026-12-04T10:00:00Z'), replica('new', null)], null)).toEqual({ kind: 'never', name: 'new', replicas: 2 });
  });

  it('says a running push instead, with the percentage of bytes sent', () => {
    const progress = { phase: 'upload' as const, objectsDone: 1, objectsTotal: 4, bytesDone: 400, bytesTotal: 1000, current: null };
    expect(chooseCopyLine([replica('usb', null)], { replica: 'usb', progress })).toEqual({ kind: 'running', replica: 'usb', percent: 40 });
    expect(pushPercent({ ...progress, phase: 'snapshot' })).toBeNull();
    expect(pushPercent(null)).toBeNull();
    expect(pushPercent({ ...progress, bytesDone: 1000 })).toBe(100);
  });
});

function report(overrides: Partial<ReplicaCheckReport>): ReplicaCheckReport {
  return {
    ok: true,
    description: 'folder /media/usb',
    manifest: { number: 17, createdAt: '2026-12-04T10:00:00Z', sha256: 'b'.repeat(64), objectCount: 1234, totalBytes: 1, keyFingerprint: 'c', vaultId: 'v', replicaId: 'r', checkpoint: '' },
    checkedObjects: 1234,
    hashedObjects: 1234,
    hashedBytes: 1,
    decryptedObjects: 1200,
    problems: [],
    ignored: [],
    notes: [],
    ...overrides,
  };
}

describe('the check summary', () => {
  it('says all objects were read whole only when they were', () => {
    expect(checkSummary(report({}))).toEqual({ key: 'copies.check.passAll', values: { number: 17, count: 1234, hashed: 1234, decrypted: 1200, rest: 0 } });
  });

  it('says a sample was a sample', () => {
    expect(checkSummary(report({ hashedObjects: 10 }))).toMatchObject({ key: 'copies.check.passSample', values: { hashed: 10, rest: 1224 } });
  });

  it('never passes a report with problems, or one with no manifest', () => {
    const problem = { code: 'OBJECT_TRUNCATED' as const, message: 'short', objects: ['blobs/ab/cd'] };
    expect(checkSummary(report({ ok: false, problems: [problem] }))).toEqual({ key: 'copies.check.failed', values: { number: 17, count: 1 } });
    expect(checkSummary(report({ ok: false, manifest: null, problems: [{ ...problem, code: 'MANIFEST_MISSING' }] })).key).toBe('copies.check.noManifest');
  });
});

describe('what the status line says before "Copied to …"', () => {
  const copied = [replica('usb', '2026-12-04T10:00:00Z')];
  const failure = { kind: 'failed' as const, error: new TamgaError('STORAGE_UNREACHABLE', 'down'), replica: 'usb', refused: false };

  it('says a failed push, never the earlier copy as if it were the last word', () => {
    const troubles = copyTroubles({ outcome: failure, damaged: new Set() });
    expect(chooseCopyLine(copied, null, troubles)).toEqual({ kind: 'pushFailed', replica: 'usb' });
  });

  it('does not count a push refused as BUSY as a failure (the one running goes on)', () => {
    const troubles = copyTroubles({ outcome: { ...failure, error: new TamgaError('BUSY', 'busy'), refused: true }, damaged: new Set() });
    expect(chooseCopyLine(copied, null, troubles)).toMatchObject({ kind: 'copied', name: 'usb' });
  });

  it('says a copy the last check found damaged', () => {
    expect(chooseCopyLine(copied, null, copyTroubles({ outcome: null, damaged: new Set(['usb']) }))).toEqual({ kind: 'damaged', name: 'usb' });
    expect(chooseCopyLine(copied, null, copyTroubles({ outcome: null, damaged: new Set(['gone']) }))).toMatchObject({ kind: 'copied' });
  });
});
