// Invariant: the understand-* scenarios (services matched as whole phrases, settings and knowledge questions, emergencies, messages, on-site addresses; six industries and businesses outside them) end as they expect when played through the simulator against the product.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'understand',
  scenarioFiles((f) => f.startsWith('understand-')),
);
