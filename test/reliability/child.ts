/** `npm start` as a real child process for the tests that stop or kill a node. */
import { spawn, type ChildProcess } from 'node:child_process';
import { scaled } from '../harness/timing.js';

/** Fixed secrets for nodes under test (several nodes of one test must share them). */
const TEST_KEYS = {
  JWT_SECRET: process.env.JWT_SECRET ?? 'reliability-test-jwt-secret-0123456789abcdef',
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? 'cd'.repeat(32),
};

/** A running product process and what it printed. */
export interface ChildNode {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` with `env` over the current environment; resolves once it listens. */
export function startNode(env: Record<string, string>): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // A server on a production database refuses to start without its keys from the environment.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...TEST_KEYS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), scaled(90_000));
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on http:\/\/[^:]+:(\d+)|running at http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1] ?? m[2]}`, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}
