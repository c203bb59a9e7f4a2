/**
 * The sentences both reports (HTML and PDF) print for an exhibit: capture time with its
 * source and whether the zone is known, GPS, device, and a short custody summary. One
 * place, so that the two reports cannot tell a reader different things.
 */
import type { CaptureTime } from '../../../../shared/metadata';
import { actsByOperator, anyOperatorStated, OPERATORS_LABEL, operatorsText } from '../../../../shared/operator';
import type { Exhibit } from './exhibit';
import { captureWords, custodyPathText, pathEvents, pathHop } from '../hop-path';
import { toJsonl } from '../../custody/jsonl';
import { hopOfPath } from '../layout';

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Why a clock time has no zone: none recorded, or one the file only suggests (never stated as the zone). */
function zoneWords(t: CaptureTime): string {
  const hint = t.zoneHint;
  if (hint === undefined) return 'time zone not recorded';
  if (hint.reason === 'mvhd-local-clock') return `time zone unknown: ${hint.camera ?? 'this'} cameras write their local clock into the movie header`;
  const writer = hint.reason === 'xmp-zone' ? 'editing software' : 'captioning or editing software';
  return `time zone not established: ${hint.field} suggests ${offsetText(hint.offsetMinutes ?? 0)}, written by ${writer}`;
}

function fromCaptureTime(t: CaptureTime): string {
  const local = t.local?.replace('T', ' ') ?? null;
  const utc = t.utc?.replace('T', ' ').replace(/\.000Z$|Z$/, ' UTC') ?? null;
  let when: string;
  if (local !== null && t.utcOffsetMinutes !== null) when = `${local} (${offsetText(t.utcOffsetMinutes)}; ${utc ?? ''})`;
  else if (local !== null) when = `${local} (camera clock; ${zoneWords(t)})`;
  else when = utc ?? 'unknown';
  return `${when} — from ${t.field}`;
}

/** e.g. "2021-01-10 08:14:00 (UTC+06:00; 2021-01-10 02:14:00 UTC) — from EXIF DateTimeOriginal + OffsetTimeOriginal". */
export function captureText(exhibit: Exhibit): string | null {
  const t = exhibit.metadata?.captureTime;
  if (t) return fromCaptureTime(t);
  const { capturedLocal, capturedUtc, captureSource } = exhibit.item;
  const when = capturedLocal ?? capturedUtc;
  if (when === null) return null;
  return `${when.replace('T', ' ')}${captureSource ? ` — from ${captureSource}` : ''}`;
}

/** e.g. "43.238949, 76.889709, 850 m above sea level — from exif"; "no fix (0°, 0°) — from exif". */
export function gpsText(exhibit: Exhibit): string | null {
  const gps = exhibit.metadata?.gps;
  if (gps && gps.lat === 0 && gps.lon === 0) return `no fix (0°, 0°) — from ${gps.source}`;
  if (gps) {
    const alt = gps.alt === null ? '' : `, ${Math.abs(gps.alt).toFixed(0)} m ${gps.alt < 0 ? 'below' : 'above'} sea level`;
    return `${gps.lat.toFixed(6)}, ${gps.lon.toFixed(6)}${alt} — from ${gps.source}`;
  }
  const { gpsLat, gpsLon } = exhibit.item;
  return gpsLat === null || gpsLon === null ? null : `${gpsLat.toFixed(6)}, ${gpsLon.toFixed(6)}`;
}

/** e.g. "Apple iPhone 12 · lens iPhone 12 back camera · software 14.4". */
export function deviceText(exhibit: Exhibit): string | null {
  const m = exhibit.metadata;
  const make = m?.make?.value ?? exhibit.item.make;
  const model = m?.model?.value ?? exhibit.item.model;
  // Many cameras repeat the make inside the model ("Canon" + "Canon EOS 5D").
  const camera = [make, model && make && model.startsWith(make) ? model.slice(make.length).trim() : model].filter((s): s is string => !!s).join(' ');
  const parts = [camera, m?.lens ? `lens ${m.lens.value}` : '', m?.software ? `software ${m.software.value}` : ''].filter((s) => s !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * e.g. "5 events: acquired 2021-01-10 08:15 UTC by tamga-cli 0.1.0; then tagged ×2, described; last 2021-01-12 10:00 UTC".
 * When any event's actor names an operator, it goes on to say who did each act, as stated:
 * ". Who did each act, as the operators stated it (signed by the vault key; not an identity
 * check): Aigerim Sultanova (observer) — acquired, tagged ×2; no operator stated — described".
 * It always begins "<n> event(s):" (the verifier reads the count back from the HTML).
 */
export function custodySummary(exhibit: Exhibit): string {
  const events = exhibit.custody.map((r) => r.event);
  const first = events[0];
  const last = events.at(-1);
  if (first === undefined || last === undefined) return 'no custody events recorded';
  const minute = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`;
  const counts = new Map<string, number>();
  for (const e of events.slice(1)) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const later = [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
  const head = `${events.length} event${events.length === 1 ? '' : 's'}: ${first.type} ${minute(first.at)} by ${first.actor}`;
  const summary = later === '' ? head : `${head}; then ${later}; last ${minute(last.at)}`;
  const { groups, omitted } = actsByOperator(events);
  return anyOperatorStated(groups) ? `${summary}. ${OPERATORS_LABEL}: ${operatorsText(groups, omitted)}` : summary;
}

/** The head of the chain: the hash of its last event (what a later bundle's chain must extend). */
export function custodyHead(exhibit: Exhibit): string | null {
  return exhibit.custody.at(-1)?.hash ?? null;
}

/** The acquisition source paths, first first, without repeats. */
export function sourcePaths(exhibit: Exhibit): string[] {
  return [...new Set(exhibit.acquisitions.map((a) => a.sourcePath))];
}

/**
 * The exhibit's path through vaults in plain words (bundle/hop-path.ts) when it carries
 * earlier hops; null for an exhibit that never came in a bundle.
 */
export function hopPathText(exhibit: Exhibit, vaultId: string, sealedAt: string): string | null {
  if (exhibit.hopCount === 0) return null;
  const folders = new Map<number, Map<string, Uint8Array>>();
  for (const f of exhibit.hopFiles) {
    const at = hopOfPath(f.path);
    if (at === null) continue;
    const files = folders.get(at.hop) ?? new Map<string, Uint8Array>();
    files.set(at.name, f.content);
    folders.set(at.hop, files);
  }
  const hops = [...folders].sort(([a], [b]) => a - b).flatMap(([n, files]) => pathHop(n, files) ?? []);
  const own = { vaultId, sealedAt, events: pathEvents(Buffer.from(toJsonl(exhibit.custody), 'utf8')) };
  // The capture as exhibits.json states it (as verify reads it back).
  const t = exhibit.metadata?.captureTime;
  const capture = t ? captureWords(t.local, t.utc, t.source) : captureWords(exhibit.item.capturedLocal, exhibit.item.capturedUtc, exhibit.item.captureSource);
  return custodyPathText(capture, hops, own);
}
