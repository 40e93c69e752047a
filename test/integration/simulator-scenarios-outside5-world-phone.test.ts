// Invariant: the outside5-world-english and outside5-phone-talk scenarios (a fifth round of calls written by testers outside the team: English callers and businesses outside the US with their dates, numbers, words and sign-offs; how people really talk on the phone, typed as a speech recogniser writes it) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, fifth round: English around the world and phone talk',
  scenarioFiles((f) => f === 'outside5-world-english.yaml' || f === 'outside5-phone-talk.yaml'),
);
