// Invariant: the outside9 scenarios about staff and the calendar (a ninth round of calls written by testers outside the team: callers who ask for or about a particular person, and calls whose difficulty is the calendar itself: the year turning, holidays, clock changes, month ends, lunch breaks, other time zones) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, ninth round: staff asked for, and the calendar',
  scenarioFiles((f) => f === 'outside9-staff.yaml' || f === 'outside9-calendar.yaml'),
);
