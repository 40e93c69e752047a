import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runScenario, type Scenario } from '../../../src/brain/test-support/scenario-runner.js';
const [file, name] = process.argv.slice(2);
const list = [parse(readFileSync(file, 'utf8'), { merge: true })].flat() as Scenario[];
for (const s of list.filter((x) => !name || x.name.includes(name))) {
  const r = await runScenario(s);
  console.log(`${r.passed ? 'PASS' : 'FAIL'} ${s.name} ${r.failures.join('; ')}`);
  if (!r.passed || name) for (const t of r.transcript) console.log(`   ${t.role}: ${t.text}`);
}
