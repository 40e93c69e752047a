// Invariant: the outside3-* scenarios (a third round of calls written by testers outside the team: bookings across the year boundary and holidays, week phrases, bounds and excluded days, callers who put it off; people asked for by name or role, returning customers moving loosely or from another phone, complaints, emergencies and FAQ questions outside the templates, spelled and corrected names and numbers) end as they expect when played through the simulator against the product.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, third round',
  scenarioFiles((f) => f.startsWith('outside3-')),
);
