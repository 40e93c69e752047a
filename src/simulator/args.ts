/** The command line of `npm run simulate` (see cli.ts for the usage). */
import { existsSync, readFileSync } from 'node:fs';

/** Parsed command line. */
export interface CliOptions {
  paths: string[];
  url?: string;
  simulatorKey?: string;
  twilioToken?: string;
  json?: string;
  concurrency: number;
  filter?: string;
  inMemory: boolean;
  quiet: boolean;
}

const VALUE_FLAGS = new Set(['--url', '--simulator-key', '--twilio-token', '--concurrency', '--filter']);

/**
 * "--json out.json" (as well as "--json=out.json"): the next word is where results go when it is "-", a
 * .json file not there yet, or the results of an earlier run (written again); any other existing file is a
 * scenario file.
 */
function jsonTarget(next: string | undefined): boolean {
  return next === '-' || (!!next && next.endsWith('.json') && (!existsSync(next) || isResults(next)));
}

/** True when the file holds what `--json` writes: a summary and the scenarios' results. */
function isResults(file: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return !!doc && typeof doc === 'object' && 'summary' in doc && 'scenarios' in doc;
  } catch {
    return false;
  }
}

/** Parses argv (without node and script); throws on unknown flags. */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { paths: [], concurrency: 2, inMemory: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') o.json = inline ?? (jsonTarget(argv[i + 1]) ? argv[++i] : 'simulator-results.json');
    else if (flag === '--in-memory') o.inMemory = true;
    else if (flag === '--quiet') o.quiet = true;
    else if (VALUE_FLAGS.has(flag)) {
      const v = value();
      if (flag === '--url') o.url = v.replace(/\/$/, '');
      else if (flag === '--simulator-key') o.simulatorKey = v;
      else if (flag === '--twilio-token') o.twilioToken = v;
      else if (flag === '--filter') o.filter = v;
      else o.concurrency = Math.max(1, Number.parseInt(v, 10) || 1);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length) o.paths.push('scenarios');
  return o;
}
