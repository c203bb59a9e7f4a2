/**
 * What every manifest says each file's digest is, gathered per file, so that one read of
 * a file computes every algorithm any manifest lists it under and all are compared.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath } from '../layout';
import type { Digests, HashAlgorithm } from './hashing';
import type { Manifest } from './manifest';
import { problem, show } from './problems';

interface Expectation {
  readonly manifest: Manifest;
  readonly digest: string;
  readonly line: number;
}

export class ExpectedDigests {
  private readonly byPath = new Map<string, Expectation[]>();

  constructor(manifests: readonly Manifest[]) {
    for (const manifest of manifests) {
      for (const [path, { digest, line }] of manifest.entries) {
        const list = this.byPath.get(path);
        const expectation = { manifest, digest, line };
        if (list === undefined) this.byPath.set(path, [expectation]);
        else list.push(expectation);
      }
    }
  }

  /** Every path some manifest lists. */
  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  algorithmsFor(path: string): Set<HashAlgorithm> {
    return new Set((this.byPath.get(path) ?? []).map((e) => e.manifest.algorithm));
  }

  /** Reports each manifest whose digest for `path` differs from the file's. */
  compare(path: string, digests: Digests, problems: VerifyProblem[]): void {
    const exhibit = exhibitOfPath(path);
    const place = exhibit === null ? { path } : { path, exhibit };
    for (const { manifest, digest, line } of this.byPath.get(path) ?? []) {
      const actual = digests.get(manifest.algorithm);
      if (actual === digest) continue;
      const name = manifest.algorithm.toUpperCase().replace('SHA', 'SHA-');
      if (manifest.kind === 'payload') {
        problems.push(problem('PAYLOAD_HASH_MISMATCH', `${show(path)} is not the file that was sealed: its ${name} is ${actual ?? 'unknown'}, but ${manifest.name} (line ${line}) says ${digest}.`, place));
      } else {
        problems.push(problem('TAG_HASH_MISMATCH', `${show(path)} was changed after the bundle was sealed: its ${name} is ${actual ?? 'unknown'}, but ${manifest.name} (line ${line}) says ${digest}.`, place));
      }
    }
  }
}
