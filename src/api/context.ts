import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { LiveStore } from '../live/index.js';
import type { Clock, Logger } from '../lib/index.js';
import type { AccessTokens } from './auth/tokens.js';

/** Everything the HTTP edge needs; built once by the composition root (main.ts or the test harness). */
export interface ApiContext {
  config: Config;
  database: Database;
  live: LiveStore;
  clock: Clock;
  logger: Logger;
  tokens: AccessTokens;
  version: string;
}
