// Invariant: the call session gets tool progress before the sentences, a transfer or end marker when
// the conversation is over, and a cut-off read-back is never confirmed by a "yes" to unheard words.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { realtimeBrain, toSessionPort, type SessionReplyPart } from './channel.js';
import { createConversation } from './conversation.js';
import { SALON } from './test-support/businesses.js';
import { createFakePorts } from './test-support/fake-ports.js';

const NOW = fixedClock('2026-03-10T14:15:00Z');

function convo() {
  const { ports, world } = createFakePorts(SALON);
  return {
    c: createConversation({ business: SALON, callerPhone: '+13125550142', now: NOW, deps: ports }),
    world,
    ports,
  };
}

async function collect(it: AsyncIterable<SessionReplyPart>): Promise<SessionReplyPart[]> {
  const out: SessionReplyPart[] = [];
  for await (const p of it) out.push(p);
  return out;
}

describe('session port', () => {
  it('streams tool progress, then the sentences', async () => {
    const { c } = convo();
    const port = toSessionPort(c);
    expect(port.greet()).toMatch(/Bella Hair Studio/);
    const parts = await collect(
      port.handle({ type: 'speech', text: 'haircut tomorrow at 10' }, new AbortController().signal),
    );
    const kinds = parts.map((p) => p.type);
    expect(kinds.indexOf('toolStart')).toBeLessThan(kinds.indexOf('toolEnd'));
    expect(kinds.lastIndexOf('toolEnd')).toBeLessThan(kinds.indexOf('sentence'));
    expect(
      parts
        .filter((p) => p.type === 'sentence')
        .map((p) => (p as { text: string }).text)
        .join(' '),
    ).toMatch(/10 AM is open/);
  });

  it('ends with a transfer part when the caller asks for a person', async () => {
    const parts = await collect(
      toSessionPort(convo().c).handle({ type: 'dtmf', digits: '0' }, new AbortController().signal),
    );
    expect(parts[parts.length - 1]).toEqual({ type: 'transfer', to: SALON.escalationNumber });
  });
});

describe('barge-in over the read-back', () => {
  it('repeats the read-back instead of booking on a yes to words not heard', async () => {
    const { c, world } = convo();
    c.greet();
    await c.handle({ text: 'haircut tomorrow at 10' });
    const confirm = await c.handle({ text: 'Maria Lopez' });
    expect(c.state).toBe('booking.confirm');
    c.interrupted(confirm.text.slice(0, 20));
    const again = await c.handle({ text: 'yes' });
    expect(world.appointments).toHaveLength(0);
    expect(again.text).toMatch(/say that again.*Wednesday, March 11 at 10 AM/);
    await c.handle({ text: 'yes' });
    expect(world.appointments).toHaveLength(1);
  });
});

describe('realtime tools', () => {
  it('runs tools from model JSON and keeps the offered-slot guard', async () => {
    const { ports, world } = createFakePorts(SALON);
    const events: string[] = [];
    const rt = realtimeBrain({
      business: SALON,
      callerPhone: '+13125550142',
      now: NOW,
      deps: ports,
      onEvent: (e) => events.push(e.type),
    });
    const signal = new AbortController().signal;
    const bad = JSON.parse(
      await rt.callTool(
        'book_appointment',
        JSON.stringify({ service: 'Haircut', start: '2026-03-11T10:00:00-05:00', name: 'Eve' }),
        signal,
      ),
    );
    expect(bad.code).toBe('UNKNOWN_SLOT');
    const found = JSON.parse(
      await rt.callTool('check_availability', JSON.stringify({ service: 'haircut', date: '2026-03-11' }), signal),
    );
    const ok = JSON.parse(
      await rt.callTool(
        'book_appointment',
        JSON.stringify({ service: 'Haircut', start: found.slots[0].start, name: 'Eve' }),
        signal,
      ),
    );
    expect(ok.ok).toBe(true);
    expect(world.appointments).toHaveLength(1);
    expect(events.filter((e) => e === 'tool_call')).toHaveLength(3);
  });
});
