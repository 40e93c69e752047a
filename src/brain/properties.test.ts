// Invariant: whatever a caller says, in whatever order, nothing is booked unless the agent's previous
// reply read back that exact weekday, date and time and the caller then agreed; replies never leak
// "undefined"/"NaN" and the conversation never stalls in silence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { sayInstant } from './calendar.js';
import { createConversation } from './conversation.js';
import { SALON } from './test-support/businesses.js';
import { createFakePorts } from './test-support/fake-ports.js';

const LINES = [
  'I want a haircut',
  'color please',
  'tomorrow at 3',
  'Friday morning',
  'the 18th',
  'actually make it 11',
  'yes',
  'no',
  'maybe',
  'the first one',
  'the later one',
  "It's Maria Lopez",
  'Sam',
  'whenever',
  'do you take walk-ins?',
  'how much is color?',
  'I need to cancel my appointment',
  'reschedule please',
  'can I leave a message',
  'uh',
  'next week',
  'noon',
  'three works',
  'what are your hours?',
  'that works',
  'no thanks',
  'a trim on saturday at 10',
  'sorry I meant Thursday',
  '312 555 0142',
];

describe('conversation properties', () => {
  it('books only a read-back slot the caller said yes to, and always answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }), async (lines) => {
        const { ports, world } = createFakePorts(SALON, {
          existing: [
            { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: '+13125550142' },
          ],
        });
        const convo = createConversation({
          business: SALON,
          callerPhone: '+13125550142',
          now: fixedClock('2026-03-10T14:15:00Z'),
          deps: ports,
        });
        let previous = convo.greet().text;
        for (const line of lines) {
          const before = world.appointments.filter((a) => a.status === 'booked').map((a) => `${a.id}@${a.start}`);
          const r = await convo.handle({ text: line });
          expect(r.text).not.toMatch(/undefined|NaN|null|\[object/);
          if (!r.done) expect(r.text.length).toBeGreaterThan(0);
          const after = world.appointments.filter((a) => a.status === 'booked');
          for (const a of after.filter((x) => !before.includes(`${x.id}@${x.start}`))) {
            expect(previous).toContain(sayInstant(a.start, SALON.timezone));
            expect(['yes', 'that works']).toContain(line);
          }
          previous = r.text;
          if (r.done) break;
        }
      }),
      { numRuns: 60, seed: 20260310 },
    );
  });
});
