// Invariant: staff asked for by what they are ("the male dentist", "I'd prefer a woman", "not the locum") are the
// ones the owner's FAQ says are that; several of the kind leave out the one who is not; without such an entry the
// words name nobody.
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../types.js';
import { createNlu } from './index.js';

const base: Pick<BusinessProfile, 'timezone' | 'hours' | 'services'> = {
  timezone: 'America/Toronto',
  hours: { mon: [['09:00', '17:00']] },
  services: [{ name: 'Consult', durationMin: 30 }],
};
const DENTAL: BusinessProfile = {
  ...base,
  name: 'Bloor West Dental',
  staff: [
    { name: 'Dr. Priya Nair', services: ['Consult'] },
    { name: 'Dr. Michael Chen', services: ['Consult'] },
    { name: 'Karen', services: ['Consult'] },
  ],
  knowledge: [
    {
      q: 'Do you have a male dentist?',
      a: 'Yes — Dr. Michael Chen is our male dentist. Dr. Priya Nair is our other dentist, and Karen is our hygienist.',
    },
  ],
};
const SPA: BusinessProfile = {
  ...base,
  name: 'Plateau Massage',
  staff: [
    { name: 'Julie', services: ['Consult'] },
    { name: 'Marc-Andre', services: ['Consult'] },
    { name: 'Sophie', services: ['Consult'] },
  ],
  knowledge: [
    { q: 'Do you have female massage therapists?', a: 'Yes — Julie and Sophie. Marc-Andre is our male therapist.' },
  ],
};
const OPTICIAN: BusinessProfile = {
  ...base,
  name: 'Clear Sight',
  staff: [
    { name: 'Rachel', services: ['Consult'] },
    { name: 'James', services: ['Consult'] },
  ],
  knowledge: [{ q: 'Who is the locum?', a: 'James is our locum optometrist; Rachel is our resident optometrist.' }],
};
const read = (b: BusinessProfile, text: string) => {
  const u = createNlu(b).understand(text, new Date('2026-05-11T16:40:00Z'));
  return { staff: u.staff, refused: u.refusedStaff };
};

describe('staff asked for by what they are', () => {
  it.each([
    [DENTAL, "I'd prefer the male dentist please, if you have one", { staff: 'Dr. Michael Chen' }],
    [SPA, 'And a female therapist please', { refused: 'Marc-Andre' }],
    [SPA, "I'd prefer a woman, thanks for understanding", { refused: 'Marc-Andre' }],
    [SPA, 'a male therapist is fine', { staff: 'Marc-Andre' }],
    [OPTICIAN, 'Saturdays only please, and not the locum', { refused: 'James' }],
  ] as const)('%#: "%s"', (b, text, want) => {
    expect(read(b, text)).toMatchObject(want);
  });

  it('names nobody without an FAQ entry, or in words about something else', () => {
    expect(read({ ...DENTAL, knowledge: [] }, 'the male dentist please')).toEqual({
      staff: undefined,
      refused: undefined,
    });
    expect(read(SPA, 'oh man, a full body massage please')).toEqual({ staff: undefined, refused: undefined });
  });
});

describe('staff remembered by the first letter of their name', () => {
  const SALON: BusinessProfile = {
    ...base,
    name: 'Luxe & Lather',
    services: [
      { name: "Women's Cut", durationMin: 60 },
      { name: 'Cut & Color', durationMin: 150 },
    ],
    staff: [
      { name: 'Sam', services: ["Women's Cut"] },
      { name: 'Sofia', services: ["Women's Cut", 'Cut & Color'] },
      { name: 'Dave', services: ["Women's Cut", 'Cut & Color'] },
    ],
  };

  it('is the one of that letter who does the service asked for', () => {
    expect(
      read(SALON, "a cut and color please, last time a girl whose name starts with S did it, I'd love her again").staff,
    ).toBe('Sofia');
    expect(read(SALON, 'a cut and colour with the guy whose name began with a D').staff).toBe('Dave');
  });

  it("names nobody when several of that letter could do it, none can, or the name is the caller's own", () => {
    expect(read(SALON, "a women's cut with the one whose name starts with S").staff).toBeUndefined();
    expect(read(SALON, 'a cut and color, her name starts with K').staff).toBeUndefined();
    expect(read(SALON, 'a cut and color, my name starts with S by the way').staff).toBeUndefined();
  });
});
