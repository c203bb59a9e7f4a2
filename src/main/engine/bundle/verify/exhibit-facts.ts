/**
 * The exhibits of a bundle, gathered from everything that names one: payload files (read
 * or refused), payload manifest lines, custody logs and the exhibit list. Each gets what
 * the bundle says about it (file, digest, size, custody events, original name, item id);
 * an exhibit without its custody log, or a log without its exhibit, is reported here, and
 * the exhibit list is compared with these facts.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { custodyFile, exhibitOfPath, MANIFEST_SHA256, MANIFEST_SHA512 } from '../layout';
import type { CustodyOutcome } from './custody-check';
import { checkExportsAcross } from './custody-exports';
import { checkExhibitList, type ListedExhibit } from './exhibit-list';
import { checkExhibitsCsv, type CsvRow } from './exhibits-csv';
import type { Manifest } from './manifest';
import { problem } from './problems';
import type { BundleSource } from './source';
import { isPayloadPath } from './structure';
import type { ExhibitFacts } from './verdicts';

export interface ExhibitSources {
  readonly source: BundleSource;
  readonly manifests: readonly Manifest[];
  readonly custody: ReadonlyMap<string, CustodyOutcome>;
  readonly list: ReadonlyMap<string, ListedExhibit> | null;
  /** exhibits.csv's rows, when it could be read. */
  readonly csv: ReadonlyMap<string, readonly CsvRow[]> | null;
}

function byNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}

export function gatherExhibits({ source, manifests, custody, list, csv }: ExhibitSources, problems: VerifyProblem[]): ExhibitFacts[] {
  const sha256 = manifests.find((m) => m.name === MANIFEST_SHA256);
  const sha512 = manifests.find((m) => m.name === MANIFEST_SHA512);
  const payloadOf = new Map<string, string>();
  for (const path of [...source.files.keys(), ...source.refused, ...(sha256?.entries.keys() ?? []), ...(sha512?.entries.keys() ?? [])]) {
    const exhibit = isPayloadPath(path) ? exhibitOfPath(path) : null;
    if (exhibit !== null && !payloadOf.has(exhibit)) payloadOf.set(exhibit, path);
  }
  const numbers = [...new Set([...payloadOf.keys(), ...custody.keys(), ...(list?.keys() ?? [])])].sort(byNumber);
  const facts = numbers.map((number) => {
    const path = payloadOf.get(number) ?? null;
    const log = custodyFile(number);
    const chain = custody.get(number);
    if (path !== null && !source.files.has(log) && !source.refused.has(log)) {
      problems.push(problem('CUSTODY_MISSING', `Exhibit ${number} has no custody log (${log}): nothing shows where it came from or what happened to it.`, { path: log, exhibit: number }));
    }
    if (path === null && source.files.has(log)) {
      problems.push(problem('CUSTODY_ORPHAN', `${log} is the custody log of an exhibit ${number} that the bundle does not hold.`, { path: log, exhibit: number }));
    }
    const listed = list?.get(number);
    return {
      number,
      /** As listed or found; `path` below is null when the file is not in the bundle at all. */
      listedPath: path,
      path: path !== null && (source.files.has(path) || source.refused.has(path)) ? path : null,
      originalName: listed?.originalName ?? null,
      itemId: listed?.itemId ?? chain?.chain ?? null,
      sha256: path === null ? null : (sha256?.entries.get(path)?.digest ?? null),
      sha512: path === null ? null : (sha512?.entries.get(path)?.digest ?? null),
      size: path === null ? null : (source.files.get(path)?.size ?? null),
      custodyEvents: chain?.events ?? 0,
      custodyWithheld: chain?.withheld ?? 0,
      custodyOperators: chain?.operators ?? [],
      custodyOperatorsOmitted: chain?.operatorsOmitted ?? 0,
      custodyHead: chain?.head ?? null,
      custodyPath: log,
      custodyRead: chain !== undefined,
    };
  });
  checkExportsAcross(numbers.flatMap((n) => custody.get(n)?.exports ?? []), custodyFile, problems);
  if (list !== null) {
    const compared = facts.filter((f) => f.listedPath !== null).map((f) => [f.number, { ...f, path: f.listedPath, custodyEvents: f.custodyRead ? f.custodyEvents : null }] as const);
    checkExhibitList(list, new Map(compared), problems);
  }
  if (csv !== null) checkExhibitsCsv(csv, new Map(facts.map((f) => [f.number, { path: f.listedPath, size: f.size, sha256: f.sha256, sha512: f.sha512 }])), problems);
  return facts.map(({ number, path, originalName, itemId, sha256: digest, size, custodyEvents, custodyWithheld, custodyOperators, custodyOperatorsOmitted }) => ({
    number,
    path,
    originalName,
    itemId,
    sha256: digest,
    size,
    custodyEvents,
    custodyWithheld,
    custodyOperators,
    custodyOperatorsOmitted,
  }));
}
