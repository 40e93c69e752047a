// Invariant: the dialog-* scenarios (corrections, choices among offers, confirmations, bundled answers, relative dates, spoken times) end as they expect when played through the simulator against the product.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'dialog',
  scenarioFiles((f) => f.startsWith('dialog-')),
);
