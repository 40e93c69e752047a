/**
 * Prints how well the offline rules read the generated understanding corpus, per class, with the
 * worst confusions. Run: `npx tsx bench/brain/understand/run.ts [--show N]`.
 */
import { createKnowledgeBase } from '../../../src/brain/knowledge.js';
import { createNlu, type Nlu } from '../../../src/brain/nlu/index.js';
import type { BusinessProfile } from '../../../src/brain/types.js';
import { generateCorpus, type CorpusCase } from './corpus.js';

const show = Number(process.argv[process.argv.indexOf('--show') + 1]) || 0;
const nlus = new Map<BusinessProfile, Nlu>();
const kbs = new Map<BusinessProfile, ReturnType<typeof createKnowledgeBase>>();
const nluOf = (b: BusinessProfile) => nlus.get(b) ?? nlus.set(b, createNlu(b)).get(b)!;
const kbOf = (b: BusinessProfile) => kbs.get(b) ?? kbs.set(b, createKnowledgeBase(b)).get(b)!;
const NOW = new Date('2026-03-10T16:00:00Z');

/** Judges one case: ok, and what was read instead. */
export function judgeCase(c: CorpusCase): { ok: boolean; got: string; want: string } {
  switch (c.cls) {
    case 'service': {
      const u = nluOf(c.business).understand(c.text, NOW);
      const got = u.serviceChoices?.length
        ? `ask:${u.serviceChoices
            .map((s) => s.name)
            .sort()
            .join('|')}`
        : (u.service?.service.name ?? 'none');
      const want = c.want === null ? 'none' : typeof c.want === 'string' ? c.want : `ask:${c.want.ask.join('|')}`;
      return { ok: got === want, got, want };
    }
    case 'emergency': {
      const u = nluOf(c.business).understand(c.text, c.now);
      const p = u.emergency && u.emergency.priority !== 'NORMAL' ? u.emergency.priority : 'none';
      const ok = c.want === 'none' ? p === 'none' : c.want === 'HIGH' ? p !== 'none' : p === 'URGENT';
      return { ok, got: p, want: c.want };
    }
    case 'settings':
    case 'knowledge': {
      const a = kbOf(c.business).answer(c.text, c.now);
      const got = a?.confident ? a.text : `(unsure) ${a?.text ?? ''}`;
      return { ok: !!a?.confident && c.want.test(a.text), got, want: String(c.want) };
    }
    case 'message': {
      const u = nluOf(c.business).understand(c.text, NOW);
      const got = JSON.stringify({ name: u.name, company: u.company, phone: u.phone });
      const ok = u.name === c.want.name && u.company === c.want.company && u.phone === c.want.phone;
      return { ok, got, want: JSON.stringify(c.want) };
    }
  }
}

const corpus = generateCorpus();
const rows = new Map<string, { n: number; ok: number; misses: Array<{ c: CorpusCase; got: string; want: string }> }>();
for (const c of corpus) {
  const r = judgeCase(c);
  const group = ('group' in c && c.group) || c.cls;
  const row = rows.get(group) ?? { n: 0, ok: 0, misses: [] };
  row.n++;
  if (r.ok) row.ok++;
  else row.misses.push({ c, got: r.got, want: r.want });
  rows.set(group, row);
}
console.log(
  `understanding corpus: ${corpus.length} turns over ${new Set(corpus.map((c) => c.business.name)).size} businesses`,
);
console.log('class           turns  correct');
for (const [cls, r] of rows)
  console.log(`${cls.padEnd(14)} ${String(r.n).padStart(6)}  ${((100 * r.ok) / r.n).toFixed(1).padStart(6)}%`);
if (show) {
  for (const [cls, r] of rows) {
    const confusions = new Map<string, number>();
    for (const m of r.misses)
      confusions.set(
        `${m.want} → ${m.got.slice(0, 90)}`,
        (confusions.get(`${m.want} → ${m.got.slice(0, 90)}`) ?? 0) + 1,
      );
    console.log(`\n${cls}: worst confusions`);
    for (const [k, n] of [...confusions].sort((a, b) => b[1] - a[1]).slice(0, show)) console.log(`  ${n}× ${k}`);
    for (const m of r.misses.slice(0, show))
      console.log(`   e.g. [${m.c.business.name}] "${m.c.text}" want ${m.want} got ${m.got.slice(0, 100)}`);
  }
}
