// Invariant: the outside4-returning and outside4-speech scenarios (a fourth round of calls written by testers outside the team: returning customers asking about, moving, cancelling and re-assigning what they booked, two services in one call; real speech with false starts, regional time and day phrases, yes said around the world, spelled names and numbers) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, fourth round: returning customers and real speech',
  scenarioFiles((f) => f === 'outside4-returning.yaml' || f === 'outside4-speech.yaml'),
);
