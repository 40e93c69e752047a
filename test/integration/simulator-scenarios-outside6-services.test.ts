// Invariant: the outside6-services and outside6-returning-trust scenarios (a sixth round of calls written by testers outside the team: businesses beyond the templates with services in the caller's own words, and returning customers and trust) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong; the chat's moves and cancellations wait for the texted code by design.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, sixth round: services and returning customers',
  scenarioFiles((f) => f === 'outside6-services.yaml' || f === 'outside6-returning-trust.yaml'),
);
