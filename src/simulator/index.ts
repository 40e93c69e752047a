/** The call simulator: scenario files, scripted callers on the text and phone channels, verdicts. */
export { loadScenarios, Scenario, CallerLine, Expectations, type LoadedScenario } from './scenario.js';
export { BusinessBlock, CreateTestOrganization, type TestOrganization } from './business-block.js';
export { runScenario, runScenarios, type Target, type ScenarioResult } from './run.js';
export { startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';
export { judge, outcomeOf, OUTCOMES, type Verdict } from './verdicts.js';
export { readRecords, type CallRecords } from './records.js';
export { scenarioLines, closingLines, summary } from './report.js';
export { parseArgs, type CliOptions } from './args.js';
export { MediaStreamClient } from './media-client.js';
export {
  startFakeTwilioRest,
  type FakeTwilioRest,
  type FakeTwilioRestOptions,
  type FakeRecording,
} from './twilio-rest.js';
export { createSimulatorPlugin } from './plugin/routes.js';
export { createTestClocks, type TestClocks } from './test-clocks.js';
