// Invariant: the outside7 scenarios (a seventh round of calls written by testers outside the team: emergencies and urgency at every kind of business, calls and chats that are not a booking, and picky, particular and changeable callers who do want to book) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, seventh round: emergencies, calls that are not bookings, picky callers',
  scenarioFiles((f) => f.startsWith('outside7-')),
);
