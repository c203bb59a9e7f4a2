/**
 * Which of an item's English problem sentences say what its capture time's `zoneHint` and
 * `gpsCheck` already hold as data. The engine writes those sentences (for the CLI and the
 * exports, engine/metadata/capture-time.ts); the window words the same facts in its own
 * language from the data and leaves these sentences out of its problem list.
 */
import type { CaptureTime } from './metadata';

/** The sentence openings capture-time.ts uses, shared so that the two cannot drift apart. */
export const hintOpening = (field: string): string => `${field} states the zone `;
export const localClockOpening = (camera: string): string => `${camera} cameras write their local clock`;
export const gpsMention = (gpsUtc: string): string => `the GPS time (${gpsUtc}`;

export function saidByCaptureTime(problem: string, capture: CaptureTime | null | undefined): boolean {
  const hint = capture?.zoneHint;
  const check = capture?.gpsCheck;
  if (hint !== undefined && (problem.startsWith(hintOpening(hint.field)) || (hint.reason === 'mvhd-local-clock' && problem.startsWith(localClockOpening(hint.camera ?? ''))))) return true;
  return check !== undefined && problem.includes(gpsMention(check.gpsUtc));
}
