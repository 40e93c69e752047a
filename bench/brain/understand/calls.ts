/**
 * Whole calls for classes 6 and 14, through the real Conversation over the in-memory ports:
 * every URGENT emergency, with a transfer that is accepted or fails, must leave an URGENT
 * escalation (lead + alert ladder); every on-site booking must store the address the caller gave.
 * Run: `npx tsx bench/brain/understand/calls.ts`.
 */
import { createConversation } from '../../../src/brain/conversation.js';
import { createFakePorts } from '../../../src/brain/test-support/fake-ports.js';
import type { BusinessProfile } from '../../../src/brain/types.js';
import { fixedClock } from '../../../src/lib/index.js';
import { CORPUS_BUSINESSES } from './businesses.js';
import { EMERGENCIES, TUESDAY, UNIVERSAL } from './corpus.js';

const INDUSTRY_OF = (b: BusinessProfile) => (/veterin/i.test(b.name) ? 'vet' : (b.industry ?? 'other'));

async function emergencyCall(b: BusinessProfile, text: string, transferAccepted: boolean): Promise<boolean> {
  const fake = createFakePorts(b, { transferAccepted });
  const convo = createConversation({
    business: b,
    callerPhone: '+13125550142',
    now: fixedClock(TUESDAY(b.timezone).toISOString()),
    deps: fake.ports,
  });
  convo.greet();
  await convo.handle({ text });
  return (
    fake.world.escalations.some((e) => e.priority === 'URGENT') && fake.world.leads.some((l) => l.priority === 'URGENT')
  );
}

async function onSiteCall(b: BusinessProfile, service: string): Promise<boolean> {
  const fake = createFakePorts(b);
  const convo = createConversation({
    business: b,
    callerPhone: '+13125550142',
    now: fixedClock(TUESDAY(b.timezone).toISOString()),
    deps: fake.ports,
  });
  convo.greet();
  let r = await convo.handle({ text: `I need ${service.toLowerCase()} on Thursday at 11am` });
  for (let i = 0; i < 8 && !convo.done && !/booked for/.test(r.text); i++) {
    const answer = /name/i.test(r.text)
      ? 'Jordan Lee'
      : /address|where/i.test(r.text)
        ? '42 Oak Street, Springfield'
        : /confirm|shall i book/i.test(r.text)
          ? 'yes'
          : /which|would that be/i.test(r.text)
            ? 'the first one'
            : 'the first one';
    r = await convo.handle({ text: answer });
  }
  return fake.world.appointments.some((a) => a.customer.address === '42 Oak Street, Springfield');
}

let urgentOk = 0;
let urgentN = 0;
for (const b of CORPUS_BUSINESSES) {
  const texts = [
    ...(EMERGENCIES[INDUSTRY_OF(b)] ?? [])
      .filter(([, p, season]) => p === 'URGENT' && season === 'any')
      .map(([t]) => t),
    ...UNIVERSAL,
  ];
  for (const t of texts)
    for (const accepted of [true, false]) {
      urgentN++;
      if (await emergencyCall(b, t, accepted)) urgentOk++;
    }
}
// on-site: the home-service templates, and invented businesses whose services are flagged on-site
const onSiteBusinesses: BusinessProfile[] = [
  ...CORPUS_BUSINESSES.filter((b) => ['hvac', 'plumbing', 'electrical'].includes(b.industry ?? '')),
  ...CORPUS_BUSINESSES.filter((b) => /piano|landscap/i.test(b.name)).map((b) => ({
    ...b,
    services: b.services.map((s) => ({ ...s, onSite: true })),
  })),
];
let siteOk = 0;
let siteN = 0;
for (const b of onSiteBusinesses)
  for (const s of b.services) {
    siteN++;
    if (await onSiteCall(b, s.name)) siteOk++;
  }
console.log(
  `class 6: URGENT emergencies escalated (lead + alert), transfer accepted or failed: ${urgentOk}/${urgentN} (${((100 * urgentOk) / urgentN).toFixed(1)}%)`,
);
console.log(
  `class 14: on-site bookings with the address stored: ${siteOk}/${siteN} (${((100 * siteOk) / siteN).toFixed(1)}%)`,
);
