/**
 * Collects the plain-language problems met while reading one file. A hostile file can
 * produce the same complaint thousands of times (a corrupt IFD, a run of bad boxes), so the
 * list keeps each sentence once and stops growing after a cap, saying how many it left out.
 */

const MAX_PROBLEMS = 40;

export class Problems {
  private readonly list: string[] = [];
  private omitted = 0;

  add(message: string): void {
    if (this.list.includes(message)) return;
    if (this.list.length >= MAX_PROBLEMS) {
      this.omitted += 1;
      return;
    }
    this.list.push(message);
  }

  toArray(): string[] {
    return this.omitted > 0 ? [...this.list, `${this.omitted} further problems were not listed.`] : [...this.list];
  }
}

/** The message of anything thrown, without a stack, for a problem sentence. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  return String(err);
}
