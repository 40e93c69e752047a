// Invariant (round 9): a question at the end of a long story that points back to it ("how much to get them done at my
// place?" after "my front brakes are grinding… needs pads and rotors") is answered from the owner's entry on that
// subject; asking to be called back with a price is a lead for the team, and the lead says what the price is for.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './knowledge.js';
import { openNineToFive } from './test-support/businesses.js';
import { talkTo } from './test-support/talk.js';

// Tuesday 2026-05-12, 09:00 in Brisbane
const TUE = '2026-05-11T23:00:00Z';
const MECHANIC = openNineToFive('Spanner Mobile Mechanics', 'Australia/Brisbane', {
  services: [
    { name: 'Logbook Service', durationMin: 120, priceCents: 24900, synonyms: ['car service', 'service'] },
    { name: 'Battery Replacement', durationMin: 45, priceCents: 22000 },
  ],
  knowledge: [
    {
      q: 'Can you do brakes?',
      a: 'Yes, we do pads, rotors and brake fluid at your home or work. Brake jobs are quoted once we know the make, model and year.',
    },
    { q: 'What areas do you cover?', a: 'Brisbane metro from Redcliffe to Logan.' },
  ],
});
const STORY =
  "g'day, my front brakes are grinding pretty bad on my 2017 mazda 3 sedan, pretty sure it needs pads and rotors. " +
  'how much to get them done at my place?';

describe('a question that points back to the story before it', () => {
  it('is answered from the entry on what the story is about', () => {
    const a = createKnowledgeBase(MECHANIC).answer(STORY, new Date(TUE));
    expect(a?.confident).toBe(true);
    expect(a?.text).toContain('Brake jobs are quoted');
  });

  it('a call back with a price asked for after the answer is a lead that says what for', async () => {
    const { say, world } = talkTo(MECHANIC, TUE, '+61491570157');
    expect(await say(STORY)).toContain('Brake jobs are quoted');
    await say("yeah righto, can someone give me a call with a price? I'm in Carindale");
    expect(await say('Deepak Raman, 0491 570 157')).toMatch(/address/);
    await say('14 Banksia Street, Carindale 4152');
    expect(world.messages).toEqual([]);
    expect(world.leads).toEqual([
      expect.objectContaining({ name: 'Deepak Raman', need: expect.stringContaining('pads and rotors') }),
    ]);
    expect(world.appointments).toEqual([]);
  });
});
