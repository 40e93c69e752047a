import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { LiveStore } from '../live/index.js';
import type { Clock, Drain, Logger } from '../lib/index.js';
import type { AccessTokens } from './auth/tokens.js';
import type { ProviderCatalog } from '../providers/index.js';

/** Everything the HTTP edge needs; built once by the composition root (main.ts or the test harness). */
export interface ApiContext {
  config: Config;
  database: Database;
  live: LiveStore;
  clock: Clock;
  logger: Logger;
  tokens: AccessTokens;
  version: string;
  /** What speech and language providers this server has: `PUT /api/agent` refuses others, `GET /api/voices` lists their voices. */
  speech?: Pick<ProviderCatalog, 'refuse' | 'voices'>;
  /** The node's graceful stop: once draining, no new calls are taken here. */
  drain: Drain;
}
