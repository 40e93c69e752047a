// Invariant: the outside4-trades and outside4-spanish scenarios (a fourth round of calls written by testers outside the team: trades' quotes, leads with full addresses and spelled emails, emergencies told calmly or by their smell, denied dangers, FAQ questions in everyday words; Spanish callers from six countries booking, moving, asking and in danger) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, fourth round: trades and Spanish callers',
  scenarioFiles((f) => f === 'outside4-trades.yaml' || f === 'outside4-spanish.yaml'),
);
