/**
 * Applies exactly one turn to the stored pixel size to get the displayed size.
 *
 * The rule: the container's own transform wins where the format defines one, and EXIF
 * Orientation is used only where it is the format's only transform.
 * - JPEG, PNG, TIFF, WebP: EXIF Orientation (5–8 swap width and height).
 * - HEIF/AVIF: `irot`/`imir`, which HEIF readers must apply; EXIF Orientation inside a HEIF
 *   is informative only (Apple writes both, describing the same turn), so applying both
 *   would turn the image twice. A disagreement between them is reported.
 * - Video: the video track's tkhd matrix.
 */
import type { PixelSize } from '../../../shared/metadata';
import type { Findings } from './findings';
import type { Problems } from './problems';

/** EXIF Orientation as (clockwise turn, mirrored). */
export const EXIF_TURN: Readonly<Record<number, { cw: number; mirrored: boolean }>> = {
  1: { cw: 0, mirrored: false },
  2: { cw: 0, mirrored: true },
  3: { cw: 180, mirrored: false },
  4: { cw: 180, mirrored: true },
  5: { cw: 90, mirrored: true },
  6: { cw: 90, mirrored: false },
  7: { cw: 270, mirrored: true },
  8: { cw: 270, mirrored: false },
};

/** HEIF `irot` counts anticlockwise quarter turns; Tamga reports clockwise degrees. */
export function irotToClockwise(irot: number): number {
  return (360 - (irot & 3) * 90) % 360;
}

const swapped = (size: PixelSize): { width: number; height: number } => ({ width: size.height, height: size.width });
const same = (size: PixelSize): { width: number; height: number } => ({ width: size.width, height: size.height });

export function displaySize(findings: Findings, kind: 'photo' | 'video' | 'other', problems: Problems): { width: number; height: number } | null {
  const size = findings.pixelSize;
  if (kind === 'video' || findings.containerGovernsOrientation) {
    if (findings.containerGovernsOrientation && findings.orientation !== null) {
      const exif = EXIF_TURN[findings.orientation];
      const cw = findings.rotation ?? 0;
      if (exif && (exif.cw !== cw || exif.mirrored !== findings.mirrored)) {
        problems.add(
          `EXIF Orientation ${findings.orientation} disagrees with the HEIF container's rotation (${cw}° clockwise${findings.mirrored ? ', mirrored' : ''}); HEIF viewers follow the container, so EXIF Orientation was not applied.`,
        );
      }
    }
    if (!size) return null;
    if (findings.rotation === null) return kind === 'video' && findings.pixelSize?.source === 'tkhd' ? null : same(size);
    return findings.rotation === 90 || findings.rotation === 270 ? swapped(size) : same(size);
  }
  if (!size) return null;
  const turn = findings.orientation === null ? undefined : EXIF_TURN[findings.orientation];
  return turn && (turn.cw === 90 || turn.cw === 270) ? swapped(size) : same(size);
}
