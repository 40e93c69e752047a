/**
 * A test worker that ends itself says how. Vitest reports only "Worker exited unexpectedly" and
 * drops the file's results; this names the exit code and, for `process.exit`, who called it. Written
 * synchronously to stderr, which the runner pipes through, so it survives the exit.
 */
import { writeSync } from 'node:fs';

const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  writeSync(2, `\n[test worker ${process.pid}] process.exit(${code ?? ''}) called:\n${new Error().stack}\n`);
  return exit(code);
}) as typeof process.exit;
process.on('exit', (code) => {
  if (code !== 0) writeSync(2, `\n[test worker ${process.pid}] exiting with code ${code}\n`);
});
