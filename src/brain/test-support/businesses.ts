/** Sample businesses for brain tests and benchmarks (fictional 555-01xx numbers). */
import { createNlu } from '../nlu/index.js';
import type { BusinessProfile } from '../types.js';

/** Opening hours Monday to Friday, `open` to `close`. */
export const weekdays = (open: string, close: string) =>
  ({
    mon: [[open, close]],
    tue: [[open, close]],
    wed: [[open, close]],
    thu: [[open, close]],
    fri: [[open, close]],
  }) as BusinessProfile['hours'];

const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];
/** A business open 9 to 5 Monday to Saturday, with its services and anything else it sets. */
export const openNineToFive = (
  name: string,
  timezone: string,
  rest: Pick<BusinessProfile, 'services'> & Partial<BusinessProfile>,
): BusinessProfile => ({
  name,
  timezone,
  hours: {
    mon: NINE_TO_FIVE,
    tue: NINE_TO_FIVE,
    wed: NINE_TO_FIVE,
    thu: NINE_TO_FIVE,
    fri: NINE_TO_FIVE,
    sat: NINE_TO_FIVE,
  },
  ...rest,
});

/** A salon in Chicago, closed Sundays and on 2026-03-17. */
export const SALON: BusinessProfile = {
  name: 'Bella Hair Studio',
  timezone: 'America/Chicago',
  industry: 'salon',
  hours: {
    ...weekdays('09:00', '18:00'),
    thu: [['09:00', '20:00']],
    fri: [['09:00', '20:00']],
    sat: [['10:00', '16:00']],
  },
  holidays: ['2026-03-17'],
  services: [
    { name: 'Haircut', durationMin: 45, synonyms: ['trim', 'cut'] },
    { name: 'Color', durationMin: 120, synonyms: ['dye', 'highlights'] },
  ],
  escalationNumber: '+13125550100',
  address: '12 Main Street, Chicago',
  knowledge: [
    { q: 'Do you take walk-ins?', a: 'Walk-ins are welcome on Saturdays.' },
    { q: 'Is there parking?', a: 'There is free parking behind the building.' },
  ],
};

/** A plumbing firm in Denver. */
export const PLUMBER: BusinessProfile = {
  name: 'Flow Plumbing',
  timezone: 'America/Denver',
  industry: 'plumbing',
  hours: weekdays('08:00', '17:00'),
  services: [
    { name: 'Drain cleaning', durationMin: 60, synonyms: ['clogged drain', 'unclog'] },
    { name: 'Water heater repair', durationMin: 120, synonyms: ['hot water'] },
  ],
  escalationNumber: '+17205550100',
};

/** An auto shop in New York. */
export const GARAGE: BusinessProfile = {
  name: 'Sam Auto',
  timezone: 'America/New_York',
  industry: 'auto',
  hours: { ...weekdays('08:00', '18:00'), sat: [['09:00', '13:00']] },
  services: [
    { name: 'Brake inspection', durationMin: 60, synonyms: ['brake check'] },
    { name: 'Oil change', durationMin: 30 },
  ],
  escalationNumber: '+12125550100',
};

/** A dental practice in Los Angeles. */
export const DENTIST: BusinessProfile = {
  name: 'Bright Smile Dental',
  timezone: 'America/Los_Angeles',
  industry: 'dental',
  hours: weekdays('08:00', '17:00'),
  services: [
    { name: 'Cleaning', durationMin: 60, synonyms: ['teeth cleaning'] },
    { name: 'Exam', durationMin: 30, synonyms: ['checkup', 'emergency exam'] },
  ],
  escalationNumber: '+13105550100',
  knowledge: [{ q: 'Do you accept insurance?', a: 'We accept most PPO insurance plans.' }],
};

/** A studio in Chicago open weekdays 7 to 6, for reading time wishes. */
export const STUDIO: BusinessProfile = {
  name: 'Corner Studio',
  timezone: 'America/Chicago',
  hours: weekdays('07:00', '18:00'),
  services: [{ name: 'Session', durationMin: 45 }],
};
const studioNlu = createNlu(STUDIO);
/** The time wish in `text` said at the studio on Wednesday 2027-03-10, 09:00 local. */
export const studioWish = (text: string) => studioNlu.understand(text, new Date('2027-03-10T15:00:00Z')).when;
