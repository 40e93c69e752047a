/**
 * `npm run simulate -- <file-or-folder>... [--url http://host:port --simulator-key <key>]
 *   [--twilio-token <auth token>] [--json[=| ]file|-] [--concurrency N]
 *   [--filter text] [--in-memory] [--quiet]`
 *
 * Without --url the product is started in-process on embedded defaults (fresh temporary data
 * directory). Prints PASS/FAIL/SKIP per scenario with reasons, then `N passed, M failed`; exits 1 when
 * any failed, 2 on bad usage or scenario files.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, type CliOptions } from './args.js';
import { loadScenarios } from './scenario.js';
import { closingLines, scenarioLines, summary } from './report.js';
import { runScenarios, type Target } from './run.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';

async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  let scenarios;
  try {
    opts = parseArgs(argv);
    scenarios = loadScenarios(opts.paths).filter((x) => !opts.filter || x.scenario.name.includes(opts.filter));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const toStdout = opts.json === '-';
  const print = (line: string) => (toStdout ? process.stderr : process.stdout).write(`${line}\n`);
  let embedded: EmbeddedServer | null = null;
  let target: Target;
  if (opts.url) target = { url: opts.url, simulatorKey: opts.simulatorKey, twilioAuthToken: opts.twilioToken };
  else {
    embedded = await startEmbeddedServer({ inMemory: opts.inMemory });
    target = embedded.target;
  }
  try {
    const results = await runScenarios(target, scenarios, {
      concurrency: opts.concurrency,
      onResult: (r) => {
        for (const l of scenarioLines(r, { transcripts: !opts.quiet })) print(l);
      },
    });
    if (opts.json) {
      const doc = JSON.stringify({ summary: summary(results), scenarios: results }, null, 2);
      if (toStdout) process.stdout.write(`${doc}\n`);
      else {
        writeFileSync(opts.json, doc);
        print(`results written to ${opts.json}`);
      }
    }
    for (const l of closingLines(results)) print(l);
    return results.some((r) => r.status === 'fail') ? 1 : 0;
  } finally {
    await embedded?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(2);
  },
);
