/** `npm start` as a real child process for the tests that stop or kill a node. */
import { spawn, type ChildProcess } from 'node:child_process';

/** A running product process and what it printed. */
export interface ChildNode { child: ChildProcess; url: string; output(): string; exited: Promise<number | null> }

/** Starts `src/main.ts` with `env` over the current environment; resolves once it listens. */
export function startNode(env: Record<string, string>): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on http:\/\/[^:]+:(\d+)|running at http:\/\/localhost:(\d+)/);
      if (m) { clearTimeout(timer); resolve({ child, url: `http://127.0.0.1:${m[1] ?? m[2]}`, output: () => out, exited }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${out}`)); });
  });
}
