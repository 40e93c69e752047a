// Invariant: the outside9 scenarios about errands and terse callers (a ninth round of calls written by testers outside the team: two or three errands in one call, and callers who write as little as possible, messily) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, ninth round: several errands in a call, terse callers',
  scenarioFiles((f) => f === 'outside9-errands.yaml' || f === 'outside9-terse.yaml'),
);
