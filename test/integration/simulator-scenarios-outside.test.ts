// Invariant: the outside-* scenarios (calls written by testers outside the team, in phrasings the corpus had not used: bookings, reschedules and cancellations across businesses, zones and clock changes; emergencies and questions in everyday words; returning customers asking about their bookings; quotes, call-backs, job seekers and emergencies outside the templates) end as they expect when played through the simulator against the product.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside',
  scenarioFiles((f) => f.startsWith('outside-')),
);
