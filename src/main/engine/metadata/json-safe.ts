/**
 * Turns whatever a parser produced into plain JSON data for `raw`: bytes become hex (or a
 * note of their length when large), Dates become ISO strings, BigInts and non-finite
 * numbers become strings, and cycles, very deep nesting and huge collections are cut with
 * a marker. The result always survives JSON.stringify, and keys such as `__proto__` from a
 * hostile XMP packet stay plain keys.
 */
import type { JsonValue } from '../../../shared/metadata';

const MAX_INLINE_BYTES = 256;
const MAX_STRING = 65_536;
const MAX_ITEMS = 1_000;
const MAX_DEPTH = 24;

export function binaryValue(bytes: Uint8Array): JsonValue {
  const out: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
  out.$bytes = bytes.byteLength;
  if (bytes.byteLength <= MAX_INLINE_BYTES) out.hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return out;
}

export function toJsonSafe(value: unknown): JsonValue {
  const ancestors = new Set<object>();
  const visit = (v: unknown, depth: number): JsonValue | undefined => {
    if (v === null) return null;
    switch (typeof v) {
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
      case 'boolean':
        return v;
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'bigint':
        return v.toString();
      case 'string':
        return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}… [${v.length - MAX_STRING} more characters cut]` : v;
      default:
        break;
    }
    const obj = v as object;
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
    if (ArrayBuffer.isView(obj)) {
      if (obj instanceof Uint8Array || obj instanceof DataView) return binaryValue(new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength));
      // Other typed arrays hold numbers: keep them as numbers.
      return visit(Array.from(obj as unknown as ArrayLike<number>), depth);
    }
    if (obj instanceof ArrayBuffer) return binaryValue(new Uint8Array(obj));
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    if (ancestors.has(obj)) return '[cycle]';
    ancestors.add(obj);
    try {
      if (Array.isArray(obj) || obj instanceof Set) {
        const items = Array.from(obj as Iterable<unknown>);
        const out: JsonValue[] = [];
        for (const item of items.slice(0, MAX_ITEMS)) out.push(visit(item, depth + 1) ?? null);
        if (items.length > MAX_ITEMS) out.push(`[${items.length - MAX_ITEMS} more items cut]`);
        return out;
      }
      const entries: [unknown, unknown][] = obj instanceof Map ? Array.from(obj.entries()) : Object.entries(obj);
      const out: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
      let kept = 0;
      for (const [key, item] of entries) {
        if (kept >= MAX_ITEMS) {
          out['[cut]'] = `${entries.length - MAX_ITEMS} more keys`;
          break;
        }
        const safe = visit(item, depth + 1);
        if (safe === undefined) continue;
        out[String(key)] = safe;
        kept += 1;
      }
      return out;
    } finally {
      ancestors.delete(obj);
    }
  };
  return visit(value, 0) ?? null;
}
