/**
 * The fake Twilio REST API the tests use is the simulator's stand-in (one definition: calls, live-call
 * updates, SMS, recordings, signed callbacks to the product); see src/simulator/twilio-rest.ts.
 */
export { startFakeTwilioRest, type FakeTwilioRest, type FakeRecording } from '../../src/simulator/index.js';
