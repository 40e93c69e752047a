import { createNlu } from '../../../src/brain/nlu/index.js';
import { BUSINESSES } from '../../../bench/brain/eval/businesses.js';
const biz = BUSINESSES.find((b) => b.key === (process.env.BIZ ?? 'plumbing'))!;
const nlu = createNlu(biz.profile);
const now = new Date(process.env.NOW ?? '2026-12-17T15:00:00Z');
for (const t of process.argv.slice(2)) {
  const u = nlu.understand(t, now);
  console.log(JSON.stringify(t), '→', JSON.stringify({ when: u.when, yn: u.yesNo, pick: u.pick, svc: u.service?.service.name, name: u.name, intents: u.intents, corr: u.correction }));
}
