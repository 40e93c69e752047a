import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts a helper process of this node: `node -e source ...args`, talking over an IPC channel. The
 * helper is plain JavaScript, so this process's NODE_OPTIONS (a TypeScript loader, an inspector) are
 * not passed on; its stdout is dropped, its stderr shown or dropped.
 */
export function spawnNodeScript(
  source: string,
  args: readonly string[] = [],
  opts: { stderr?: 'inherit' | 'ignore'; serialization?: 'json' | 'advanced' } = {},
): ChildProcess {
  return spawn(process.execPath, ['-e', source, ...args], {
    stdio: ['ignore', 'ignore', opts.stderr ?? 'ignore', 'ipc'],
    serialization: opts.serialization ?? 'json',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}
