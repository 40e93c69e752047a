// Invariant: a time said at the end of a sentence is no email address ("on Saturday at 10. He did my cut…" is
// no "…@10.he"), and "last time" said of a past visit is no pick of the last offer; the day and time said
// before them stay the wish.
import { describe, expect, it } from 'vitest';
import { findEmail } from './email.js';
import { createNlu } from './index.js';
import { pickOption } from './intent.js';

const nlu = createNlu({
  name: 'Elm & Oak Hair',
  timezone: 'America/New_York',
  hours: { sat: [['09:00', '17:00']] },
  services: [{ name: 'Highlights & Balayage', durationMin: 180 }],
});
// Tuesday 2027-07-06, 03:50 in New York
const NOW = new Date('2027-07-06T07:50:00Z');

describe('a sentence ending after "at 10"', () => {
  it('"I want balayage with Marco on Saturday at 10. He did my cut last time and I love him." keeps Saturday at 10', () => {
    const u = nlu.understand(
      'Hi, I want to book balayage with Marco on Saturday at 10. He did my cut last time and I love him.',
      NOW,
    );
    expect(u.when).toMatchObject({ date: '2027-07-10', time: '10:00' });
    expect(u.email).toBeUndefined();
    expect(u.pick).toBeUndefined();
  });

  it.each([
    ['can i come saturday at 10. he said that was fine', undefined],
    ['my email is dana at gmail dot com', 'dana@gmail.com'],
    ["it's dana.reed at outlook.com", 'dana.reed@outlook.com'],
    ['sam dot chen at shaw dot c a', 'sam.chen@shaw.ca'],
  ])('"%s" → %s', (said, email) => {
    expect(findEmail(said)?.email).toBe(email);
  });

  it.each([
    ['he did my cut last time', undefined],
    ['last time i came it was great', undefined],
    ['the last time please', 'last'],
    ['the second time works', 1],
    ['the first one', 0],
  ])('"%s" picks %s', (said, pick) => {
    expect(pickOption(said)).toBe(pick);
  });
});
