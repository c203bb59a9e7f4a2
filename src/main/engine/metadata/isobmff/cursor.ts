/**
 * Bounds-checked reading of one box's payload. Every read past the end throws
 * `TruncatedError`, which the box parsers turn into a problem sentence: a cut or lying box
 * must cost a warning, never an exception out of the extractor or a read of someone else's
 * bytes.
 */

export class TruncatedError extends Error {
  constructor(readonly at: number) {
    super(`ended at byte ${at}`);
    this.name = 'TruncatedError';
  }
}

export class Cursor {
  pos = 0;

  constructor(
    readonly buf: Buffer,
    /** Absolute file offset of buf[0], for messages. */
    readonly base = 0,
  ) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): number {
    if (n < 0 || this.pos + n > this.buf.length) throw new TruncatedError(this.base + this.buf.length);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  skip(n: number): void {
    this.need(n);
  }

  u8(): number {
    return this.buf.readUInt8(this.need(1));
  }

  u16(): number {
    return this.buf.readUInt16BE(this.need(2));
  }

  i16(): number {
    return this.buf.readInt16BE(this.need(2));
  }

  u32(): number {
    return this.buf.readUInt32BE(this.need(4));
  }

  i32(): number {
    return this.buf.readInt32BE(this.need(4));
  }

  /** A 64-bit unsigned value; null when it does not fit a JavaScript number exactly. */
  u64(): number | null {
    const value = this.buf.readBigUInt64BE(this.need(8));
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
  }

  /** An unsigned integer of 0, 1, 2, 4 or 8 bytes (HEIF `iloc` fields); null when too large. */
  uint(bytes: number): number | null {
    switch (bytes) {
      case 0:
        return 0;
      case 1:
        return this.u8();
      case 2:
        return this.u16();
      case 4:
        return this.u32();
      case 8:
        return this.u64();
      default:
        throw new TruncatedError(this.base + this.pos);
    }
  }

  /** Signed 16.16 fixed point. */
  fixed16(): number {
    return this.i32() / 65536;
  }

  bytes(n: number): Buffer {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }

  latin1(n: number): string {
    return this.bytes(n).toString('latin1');
  }

  /** A NUL-terminated UTF-8 string (or the rest of the buffer when unterminated). */
  cString(): string {
    const end = this.buf.indexOf(0, this.pos);
    const stop = end === -1 ? this.buf.length : end;
    const text = this.buf.toString('utf8', this.pos, stop);
    this.pos = end === -1 ? stop : stop + 1;
    return text;
  }

  /** ISO full box header: version and 24-bit flags. */
  fullBox(): { version: number; flags: number } {
    const word = this.u32();
    return { version: word >>> 24, flags: word & 0xffffff };
  }
}
