// Invariant: the outside6-when and outside6-chat-typing scenarios (a sixth round of calls written by testers outside the team: how people say when, and how they type in a chat) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, sixth round: when and chat typing',
  scenarioFiles((f) => f === 'outside6-when.yaml' || f === 'outside6-chat-typing.yaml'),
);
