/**
 * Payload and tag manifests (RFC 8493 §2.1.3, §2.2.1), read strictly. A line is
 * `<hex digest><two characters: "  " or " *"><path>`: the form `sha256sum` writes and
 * `sha256sum -c` reads, so that what Tamga accepts an auditor can check with it. The
 * digest has exactly the algorithm's length (either case). In the path, "%25", "%0A" and
 * "%0D" stand for '%', LF and CR (RFC 8493 allows only those, and a bare '%' must be
 * encoded); the decoded path must be safe (safe-path.ts), under data/ in a payload
 * manifest and outside it in a tag manifest. A path listed twice is reported: with the
 * same digest as a duplicate, with different digests as a conflict (at most one can hold).
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath, PAYLOAD_DIR } from '../layout';
import { HEX_LENGTH, type HashAlgorithm } from './hashing';
import { problem, show } from './problems';
import { unsafePathReason } from './safe-path';
import { tagLines } from './tag-text';

export type ManifestKind = 'payload' | 'tag';

export interface ManifestLine {
  /** Lower-case hex. */
  readonly digest: string;
  readonly line: number;
}

export interface Manifest {
  readonly name: string;
  readonly kind: ManifestKind;
  readonly algorithm: HashAlgorithm;
  /** Path → its first line. */
  readonly entries: ReadonlyMap<string, ManifestLine>;
  /** Paths listed again with another digest. */
  readonly conflicted: ReadonlySet<string>;
}

const MANIFEST_NAME = /^(tag)?manifest-([^/]+)\.txt$/;

/** What a root file's name says it is: a payload or tag manifest of some algorithm, or neither. */
export function manifestName(path: string): { kind: ManifestKind; algorithm: string } | null {
  const match = MANIFEST_NAME.exec(path);
  if (match === null) return null;
  return { kind: match[1] === undefined ? 'payload' : 'tag', algorithm: match[2] ?? '' };
}

const LINE = /^([0-9A-Fa-f]+) ([ *])(.+)$/;

function decodePath(encoded: string): string | null {
  if (/%(?!25|0[AaDd])/.test(encoded)) return null;
  return encoded.replace(/%(25|0[AaDd])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function parseManifest(name: string, kind: ManifestKind, algorithm: HashAlgorithm, bytes: Uint8Array, problems: VerifyProblem[]): Manifest {
  const entries = new Map<string, ManifestLine>();
  const conflicted = new Set<string>();
  const manifest: Manifest = { name, kind, algorithm, entries, conflicted };
  const text = tagLines(bytes);
  if (!text.ok) {
    problems.push(problem('MANIFEST_LINE_INVALID', `${name} cannot be read: ${text.reason}. None of its lines were checked.`, { path: name }));
    return manifest;
  }
  for (const { text: line, number } of text.lines) {
    const at = { path: name, line: number };
    const invalid = (why: string): void => {
      problems.push(problem('MANIFEST_LINE_INVALID', `Line ${number} of ${name} ${why}: ${show(line.length > 200 ? `${line.slice(0, 200)}…` : line)}.`, at));
    };
    const match = LINE.exec(line);
    if (match === null) {
      invalid('is not "<digest>  <path>"');
      continue;
    }
    const [, hex = '', , encoded = ''] = match;
    if (hex.length !== HEX_LENGTH[algorithm]) {
      invalid(`has a digest of ${hex.length} hex digits; ${algorithm} has ${HEX_LENGTH[algorithm]}`);
      continue;
    }
    const path = decodePath(encoded);
    if (path === null) {
      invalid('has a "%" that is not "%25", "%0A" or "%0D" (RFC 8493 percent-encoding)');
      continue;
    }
    const unsafe = unsafePathReason(path);
    if (unsafe !== null) {
      invalid(`names a path that is not allowed (${unsafe})`);
      continue;
    }
    const inPayload = path.startsWith(`${PAYLOAD_DIR}/`);
    if (kind === 'payload' && !inPayload) {
      invalid(`lists a file outside ${PAYLOAD_DIR}/, which a payload manifest may not`);
      continue;
    }
    if (kind === 'tag' && (inPayload || path === PAYLOAD_DIR)) {
      invalid(`lists a payload file, which belongs in the payload manifests`);
      continue;
    }
    const digest = hex.toLowerCase();
    const first = entries.get(path);
    const exhibit = exhibitOfPath(path);
    const about = exhibit === null ? at : { ...at, exhibit };
    if (first === undefined) {
      entries.set(path, { digest, line: number });
    } else if (first.digest === digest) {
      problems.push(problem('MANIFEST_DUPLICATE_LINE', `${name} lists ${show(path)} twice (lines ${first.line} and ${number}).`, at));
    } else {
      conflicted.add(path);
      problems.push(problem('MANIFEST_CONFLICT', `${name} lists ${show(path)} twice with different digests (lines ${first.line} and ${number}): at most one can be right.`, about));
    }
  }
  return manifest;
}
