/**
 * The simulator's own product server: the CLI (and its tests) start the whole product in-process.
 * This file is a composition root of its own, the one place in simulator/ that may import server.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../lib/index.js';
import { startServer } from '../server.js';
import type { Target } from './run.js';
import { startFakeTwilioRest, type FakeTwilioRest } from './twilio-rest.js';

/** A product server started in-process on embedded defaults (fresh temporary data directory). */
export interface EmbeddedServer {
  target: Target;
  twilio: FakeTwilioRest;
  close(): Promise<void>;
}

/**
 * Starts the whole product on 127.0.0.1, port 0, in a fresh temporary data directory, with its own
 * simulator key and Twilio credentials pointing at a local stand-in of Twilio's REST API (so live
 * transfers of phone calls have somewhere to go).
 */
export async function startEmbeddedServer(
  opts: { logLevel?: string; inMemory?: boolean; env?: Record<string, string> } = {},
): Promise<EmbeddedServer> {
  const dir = opts.inMemory ? null : mkdtempSync(join(tmpdir(), 'infinioffice-sim-'));
  const simulatorKey = randomBytes(24).toString('hex');
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const twilio = await startFakeTwilioRest(accountSid, authToken, { answerScreening: true });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir ?? ':memory:',
    SEED_DEMO: 'false',
    LOG_LEVEL: opts.logLevel ?? 'silent',
    SIMULATOR_KEY: simulatorKey,
    TWILIO_ACCOUNT_SID: accountSid,
    TWILIO_AUTH_TOKEN: authToken,
    TWILIO_API_BASE: twilio.url,
    ...opts.env,
  });
  const server = await startServer(config, { logger: createLogger(config.logLevel, { pretty: false }) });
  return {
    target: { url: server.url, simulatorKey, twilioAuthToken: authToken, twilioRest: twilio },
    twilio,
    async close() {
      await server.close();
      await twilio.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
