// Invariant: with a language model the statechart still owns the guarantees: a correction at the
// read-back wins over the model's "book it", and nothing is booked without the read-back and a yes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/fakes/openai.js';
import { fixedClock } from '../../lib/index.js';
import { OpenAiCompatibleLanguageModel } from '../../providers/index.js';
import { createConversation } from '../conversation.js';
import { SALON } from '../test-support/businesses.js';
import { createFakePorts } from '../test-support/fake-ports.js';

let openai: FakeOpenAi;
beforeAll(async () => {
  openai = await startFakeOpenAi('sk-test');
});
afterAll(async () => openai.close());

const tool = (name: string, args: Record<string, unknown>) => ({ tool: { name, arguments: JSON.stringify(args) } });

describe('a language model under the statechart', () => {
  it('a correction at the read-back wins over the model booking the old time', async () => {
    openai.chatScript.length = 0;
    const { ports, world } = createFakePorts(SALON);
    const model = new OpenAiCompatibleLanguageModel({ apiKey: 'sk-test', baseUrl: `${openai.url}/v1`, model: 'test' });
    const convo = createConversation({
      business: SALON,
      callerPhone: '+13125550142',
      now: fixedClock('2026-03-10T14:15:00Z'),
      deps: ports,
      languageModel: model,
    });
    convo.greet();
    // the model contributes nothing to the first turn; the offline rules read it
    openai.chatScript.push({ text: '' });
    const r1 = await convo.handle({ text: 'haircut tomorrow at 10, this is Sam Lee' });
    expect(r1.text).toMatch(/March 11 at 10 AM for Sam Lee/);
    // the model misreads the correction as agreement
    openai.chatScript.push(
      tool('book_appointment', { service: 'Haircut', start: '2026-03-11T15:00:00.000Z', name: 'Sam Lee' }),
    );
    const r2 = await convo.handle({ text: 'no, 11, not 10' });
    expect(world.appointments).toHaveLength(0);
    expect(r2.text).toMatch(/March 11 at 11 AM/);
    openai.chatScript.push(
      tool('book_appointment', { service: 'Haircut', start: '2026-03-11T16:00:00.000Z', name: 'Sam Lee' }),
    );
    await convo.handle({ text: 'yes' });
    expect(world.appointments.map((a) => a.start)).toEqual([expect.stringMatching(/^2026-03-11T11:00/)]);
  });
});
