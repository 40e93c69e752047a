// Invariant: the outside8 scenarios (an eighth round of calls written by testers outside the team: businesses no round had tried, chatty, rambling and confused callers, and several people or several things in one call) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, eighth round: new businesses, rambling callers, several people and things',
  scenarioFiles((f) => f.startsWith('outside8-')),
);
