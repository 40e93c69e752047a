// Invariant: with a language model the model's tool calls steer the chart, but the chart still guards:
// nothing is booked without the read-back and a yes, and a failing model falls back to offline rules.
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

function start() {
  openai.chatScript.length = 0;
  openai.chatRequests.length = 0;
  openai.chatFailStatus = 0;
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
  return { convo, world };
}

const tool = (name: string, args: Record<string, unknown>) => ({ tool: { name, arguments: JSON.stringify(args) } });

describe('language model turns', () => {
  it('understands what the offline rules cannot, through the same tools', async () => {
    const { convo } = start();
    openai.chatScript.push(tool('check_availability', { service: 'Haircut', date: '2026-03-12', time: '12:00' }));
    const r = await convo.handle({ text: 'could you get my locks chopped the day after Wednesday around lunch' });
    expect(r.text).toMatch(/Thursday, March 12 at noon is open/);
    const req = openai.chatRequests[0] as {
      tools: Array<{ function: { name: string } }>;
      messages: Array<{ content: string }>;
    };
    expect(req.tools.map((t) => t.function.name)).toContain('book_appointment');
    expect(req.messages[0].content).toMatch(/Bella Hair Studio/);
    expect(r.events.some((e) => e.type === 'tool_call' && e.name === 'check_availability')).toBe(true);
  });

  it('refuses a booking the model asks for before the caller heard the read-back', async () => {
    const { convo, world } = start();
    openai.chatScript.push(
      tool('check_availability', { service: 'Haircut', date: '2026-03-11', partOfDay: 'afternoon' }),
    );
    await convo.handle({ text: 'a haircut tomorrow afternoon' });
    openai.chatScript.push(
      tool('book_appointment', { service: 'Haircut', start: '2026-03-11T12:00:00-05:00', name: 'Eve' }),
    );
    const r = await convo.handle({ text: 'just book whatever' });
    expect(world.appointments).toHaveLength(0);
    expect(r.events.some((e) => e.type === 'llm_fallback' && /book_appointment refused/.test(e.reason))).toBe(true);
    expect(convo.state).toBe('booking.offer');
  });

  it('books once the caller agrees to the read-back', async () => {
    const { convo, world } = start();
    openai.chatScript.push(tool('check_availability', { service: 'Haircut', date: '2026-03-11', time: '10:00' }));
    await convo.handle({ text: 'haircut tomorrow at ten' });
    openai.chatScript.push(tool('capture_lead', { name: 'Maria Lopez' }));
    const confirm = await convo.handle({ text: 'Maria Lopez' });
    expect(confirm.text).toMatch(/Wednesday, March 11 at 10 AM for Maria Lopez/);
    openai.chatScript.push(
      tool('book_appointment', { service: 'Haircut', start: '2026-03-11T10:00:00-05:00', name: 'Maria Lopez' }),
    );
    await convo.handle({ text: 'yep go for it' });
    expect(world.appointments).toHaveLength(1);
    // the model saw the earlier exchanges, including the read-back it is agreeing to
    const last = openai.chatRequests[openai.chatRequests.length - 1] as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(last.messages.some((m) => m.role === 'assistant' && /Just to confirm/.test(m.content))).toBe(true);
  });

  it('answers questions from the knowledge passages only, and says so when they do not cover it', async () => {
    const { convo } = start();
    openai.chatScript.push(tool('answer_question', { question: 'can I park somewhere close?' }), {
      text: 'Yes, there is free parking behind the building.',
    });
    const r = await convo.handle({ text: 'can I park somewhere close?' });
    expect(r.text).toMatch(/free parking behind the building/);
    const grounding = openai.chatRequests[1] as { messages: Array<{ content: string }> };
    expect(grounding.messages[0].content).toMatch(/ONLY the facts below[\s\S]*free parking behind the building/);
    openai.chatScript.push(tool('answer_question', { question: 'do you sell gift cards?' }), { text: 'UNSURE' });
    const unsure = await convo.handle({ text: 'do you sell gift cards?' });
    expect(unsure.text).toMatch(/not sure/);
  });

  it('answers hours from the business settings, without asking the model to word them', async () => {
    const { convo } = start();
    openai.chatScript.push(tool('answer_question', { question: 'are you open late on thursdays?' }));
    const r = await convo.handle({ text: 'are you open late on thursdays?' });
    expect(r.text).toMatch(/Thursdays we're open 9 AM to 8 PM/);
    expect(openai.chatRequests).toHaveLength(1);
  });

  it('falls back to the offline rules when the model fails', async () => {
    const { convo } = start();
    openai.chatFailStatus = 500;
    const r = await convo.handle({ text: 'haircut tomorrow at 10' });
    expect(r.events.some((e) => e.type === 'llm_fallback')).toBe(true);
    expect(r.text).toMatch(/Wednesday, March 11 at 10 AM is open/);
  });
});
