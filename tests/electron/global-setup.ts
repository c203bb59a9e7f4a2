/** Says in one line, before anything runs, that the smoke test is skipped and why. */
import { electronBinary, SKIP_LINE } from './electron-binary';

export default function globalSetup(): void {
  if (electronBinary() === null) process.stdout.write(`${SKIP_LINE}\n`);
}
