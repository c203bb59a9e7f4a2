/**
 * Fault injection for crash-safety tests. When the environment variable
 * TAMGA_TEST_CRASH_AT names a point, the process kills itself there with SIGKILL, exactly
 * as a power cut or a task manager would: no cleanup handlers, no flushing. Tests run the
 * CLI in a child process with each point in turn and then check what survived.
 * Without the variable this is a no-op.
 */
export function crashPoint(name: string): void {
  if (process.env.TAMGA_TEST_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
