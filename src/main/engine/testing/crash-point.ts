/**
 * Fault injection for crash-safety tests. When the environment variable
 * TAMGA_TEST_CRASH_AT names a point (`name`, or `name@N` for its N-th passage), the
 * process kills itself there with SIGKILL, exactly as a power cut or a task manager
 * would: no cleanup handlers, no flushing. Tests run the CLI in a child process with each
 * point in turn and then check what survived. Without the variable this is a no-op.
 */
const passages = new Map<string, number>();

export function crashPoint(name: string): void {
  const target = process.env.TAMGA_TEST_CRASH_AT;
  if (target === undefined || !target.startsWith(name)) return;
  const [point, nth] = target.split('@');
  if (point !== name) return;
  const count = (passages.get(name) ?? 0) + 1;
  passages.set(name, count);
  if (count === Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
}
