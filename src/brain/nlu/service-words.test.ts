// Invariant: a service is found from what callers call it, where the business names it in its own words ("a
// fade" is the Men's Haircut, "I've got mice" the Rodent Control Visit, "my screen's smashed" the Screen
// Replacement); a variant is told apart by what was said of it ("ninety minute", "eight kilos", "F-150",
// "pregnant", "septum"); two services said together are the one service that is both where there is one; a
// child's kind is no rival to the grown-up's unless a child is said; nothing is found where nothing fits.
import { describe, expect, it } from 'vitest';
import type { ServiceInfo } from '../types.js';
import { createNlu } from './index.js';
import { createServiceMatcher } from './services.js';

const list = (...names: string[]): ServiceInfo[] => names.map((name) => ({ name, durationMin: 30 }));
const found = (services: ServiceInfo[], said: string) => {
  const m = createServiceMatcher(services).match(said);
  return m?.choices ? m.choices.map((c) => c.name) : m?.service.name;
};

describe("services in the caller's words", () => {
  it.each([
    [
      list("Men's Haircut", 'Beard Trim', 'Kids Cut', 'Hot Towel Shave'),
      'yo can i get a fade tomorrow at 11?',
      "Men's Haircut",
    ],
    [
      list('Gel Manicure', 'Classic Pedicure', 'Manicure + Pedicure Package'),
      'Can I book a mani-pedi for Thursday?',
      'Manicure + Pedicure Package',
    ],
    [
      list('Studio Portrait Session', 'Family Portrait Session', 'Passport Photos'),
      'I need professional headshots for LinkedIn',
      'Studio Portrait Session',
    ],
    [
      list('Rodent Control Visit', 'General Pest Treatment', 'Termite Inspection'),
      "I think I've got mice in the walls",
      'Rodent Control Visit',
    ],
    [
      list('Screen Replacement', 'Battery Replacement', 'Charging Port Repair'),
      "the screen's smashed",
      'Screen Replacement',
    ],
    [
      list('Virus & Malware Removal', 'Hardware Diagnostic'),
      "I keep getting pop-ups saying it's infected",
      'Virus & Malware Removal',
    ],
    [
      list('Washing Machine Repair', 'Refrigeration Repair'),
      "my fridge freezer's stopped keeping cold",
      'Refrigeration Repair',
    ],
    [
      list('Rekey Service', 'Smart Lock Installation', 'Lockout Service'),
      'I want the locks changed so the previous owners keys stop working',
      'Rekey Service',
    ],
    [
      list('Tattoo Consultation', 'Ear Piercing', 'Facial Piercing'),
      'I want to get my septum pierced',
      'Facial Piercing',
    ],
    [
      list('Free Induction', 'Personal Training - 30 min'),
      "I've never used a gym before, can someone show me the machines",
      'Free Induction',
    ],
    [
      list('Standard Clean', 'Deep Clean', 'Move-Out Clean'),
      "I'm moving out and need my deposit back",
      'Move-Out Clean',
    ],
    [list('AC Tune-Up', 'Repair Diagnostic'), 'I want to get my AC tuned up before summer', 'AC Tune-Up'],
    [list('Lash Lift & Tint', 'Lash Tint', 'Brow Lamination'), 'I want my lashes curled', 'Lash Lift & Tint'],
    [
      list('Alterations Fitting', 'Bespoke Suit Consultation'),
      'I need a pair of suit trousers taken in at the waist',
      'Alterations Fitting',
    ],
    [
      list('30-Minute Walk', '60-Minute Adventure Walk', 'Cat Sitting Drop-In'),
      'can someone take my lab out, just a quick potty break',
      '30-Minute Walk',
    ],
    [
      list('Highlights & Balayage', "Women's Haircut", "Men's Haircut"),
      'I want balayage with Marco, he did my cut last time',
      'Highlights & Balayage',
    ],
  ])('%#: "%s"', (services, said, name) => {
    expect(found(services, said)).toBe(name);
  });
});

describe('a variant told apart by what was said of it', () => {
  it.each([
    [
      list('Sports Massage - 60 min', 'Sports Massage - 90 min'),
      'the ninety minute sports massage',
      'Sports Massage - 90 min',
    ],
    [
      list('Full Groom - Small Dog', 'Full Groom - Large Dog'),
      "a full groom, she's about eight kilos",
      'Full Groom - Small Dog',
    ],
    [
      list('Full Groom - Small Dog', 'Full Groom - Large Dog'),
      'a full groom for my 70 lb shepherd',
      'Full Groom - Large Dog',
    ],
    [
      list('Full Detail - Sedan/Coupe', 'Full Detail - SUV/Truck'),
      'a full detail on my F-150',
      'Full Detail - SUV/Truck',
    ],
    [
      list('Massage Therapy - 60 min', 'Prenatal Massage - 60 min'),
      "I'm 28 weeks pregnant, could I get a massage",
      'Prenatal Massage - 60 min',
    ],
    [
      list('Piano Lesson - 30 min', 'Piano Lesson - 45 min', 'Guitar Lesson - 30 min'),
      'she wants to learn keyboard, a half-hour lesson',
      'Piano Lesson - 30 min',
    ],
  ])('%#: "%s"', (services, said, name) => {
    expect(found(services, said)).toBe(name);
  });

  it('without a word that tells them apart, the caller is asked which', () => {
    expect(
      found(list('Deep Tissue Massage (60 min)', 'Deep Tissue Massage (90 min)'), 'a deep tissue massage'),
    ).toEqual(['Deep Tissue Massage (60 min)', 'Deep Tissue Massage (90 min)']);
  });

  it('the answer to "which?" is read by the same words', () => {
    const services = list('Deep Tissue Massage (60 min)', 'Deep Tissue Massage (90 min)');
    const m = createServiceMatcher(services);
    expect(m.pickAmong(services, 'Just the 60 minutes, please.')?.name).toBe('Deep Tissue Massage (60 min)');
    expect(m.pickAmong(services, 'an hour and a half')?.name).toBe('Deep Tissue Massage (90 min)');
    expect(m.pickAmong(services, 'yes please')).toBeUndefined();
  });
});

describe('two services said together', () => {
  it('are the one service that is both', () => {
    const services = list('Haircut', 'Beard Trim', 'Haircut & Beard Trim');
    expect(createServiceMatcher(services).combined([services[0], services[1]])?.name).toBe('Haircut & Beard Trim');
    expect(createServiceMatcher(list('Haircut', 'Beard Trim')).combined(list('Haircut', 'Beard Trim'))).toBeUndefined();
    // "a haircut and beard trim" at a shop whose combination is "Cut & Beard"; a "Gel Pedicure" is no combination
    const shop = list('Haircut', 'Beard Trim', 'Cut & Beard');
    expect(createServiceMatcher(shop).combined([shop[0], shop[1]])?.name).toBe('Cut & Beard');
    const nails = list('Gel Manicure', 'Classic Pedicure', 'Gel Pedicure');
    expect(createServiceMatcher(nails).combined([nails[0], nails[1]])).toBeUndefined();
  });
});

describe('nothing is made up', () => {
  it.each([
    [list('Haircut', 'Color'), 'there are ants in the salon bathroom'],
    [list('Haircut', 'Color'), 'I need my lawn cut'],
    [list('Screen Replacement', 'Battery Replacement'), 'can you take a look at my laptop keyboard'],
  ])('%#: "%s" finds nothing', (services, said) => {
    expect(found(services, said)).toBeUndefined();
  });
});

describe('through the understanding of a whole turn', () => {
  const understand = (names: string[], said: string) =>
    createNlu({ name: 'Shop', timezone: 'America/Chicago', hours: {}, services: list(...names) }).understand(
      said,
      new Date('2027-06-01T15:00:00Z'),
    );
  it('"I keep getting pop-ups" is no service kept aside: the malware removal', () => {
    const u = understand(
      ['Virus & Malware Removal', 'Hardware Diagnostic'],
      "My laptop's gotten really slow and I keep getting pop-ups saying it's infected. Can I bring it in tomorrow?",
    );
    expect(u.service?.service.name).toBe('Virus & Malware Removal');
  });
  it('what the caller is training for is no service: "I\'m training for a half marathon… look at my running form"', () => {
    const u = understand(
      ['Personal Training Session', 'Running Gait Analysis'],
      "I'm training for a half marathon and I keep getting shin splints. I'd love someone to look at my running form.",
    );
    expect(u.service?.service.name).toBe('Running Gait Analysis');
    expect(u.alsoServices).toBeUndefined();
  });

  it('what the caller has had ("I\'ve worn glasses for years") is no second service', () => {
    const u = understand(
      ['Eye Examination', 'Contact Lens Fitting', 'Glasses Collection & Adjustment'],
      "I've worn glasses for years and I want to finally try contact lenses. Could I come Wednesday?",
    );
    expect(u.service?.service.name).toBe('Contact Lens Fitting');
    expect(u.alsoServices).toBeUndefined();
  });
});
