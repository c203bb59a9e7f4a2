/**
 * The local-header offsets of a zip's file entries, to find two entries at one offset
 * (ZIP_OVERLAP, a zip bomb's trick) as soon as the second is listed. Zip writers put
 * entries in file order, so an offset above every earlier one is new without a look-up and
 * costs 8 bytes in a typed array; only a zip listed out of order falls back to a Set. A Set
 * of 200 000 offsets, with the tables it outgrew, was ~10 MB of heap for every large zip.
 */
export class LocalHeaderOffsets {
  private readonly inOrder: Float64Array;
  private count = 0;
  private highest = -1;
  private all: Set<number> | null = null;

  /** `capacity`: the zip's entry count (more only ever moves to the Set). */
  constructor(capacity: number) {
    this.inOrder = new Float64Array(capacity);
  }

  /** Records `offset`; false when an earlier entry starts at the same offset. */
  add(offset: number): boolean {
    if (offset <= this.highest) {
      this.all ??= new Set(this.inOrder.subarray(0, this.count));
      if (this.all.has(offset)) return false;
    }
    this.highest = Math.max(this.highest, offset);
    if (this.all === null && this.count < this.inOrder.length) this.inOrder[this.count++] = offset;
    else (this.all ??= new Set(this.inOrder.subarray(0, this.count))).add(offset);
    return true;
  }
}
