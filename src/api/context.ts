import type { Config } from '../config/index.js';
import type { Database } from '../db/index.js';
import type { LiveStore } from '../live/index.js';
import type { Clock, Drain, Logger, OrgChanges } from '../lib/index.js';
import type { AccessTokens } from './auth/tokens.js';
import type { TokenVersions } from './auth/token-versions.js';
import type { ProviderCatalog } from '../providers/index.js';

/** Everything the HTTP edge needs; built once by the composition root (main.ts or the test harness). */
export interface ApiContext {
  config: Config;
  database: Database;
  live: LiveStore;
  clock: Clock;
  logger: Logger;
  tokens: AccessTokens;
  /** Per-user token versions: a role change, password change or removal ends the user's access tokens. */
  tokenVersions: TokenVersions;
  version: string;
  /** What speech and language providers this server has: `PUT /api/agent` refuses others, `GET /api/voices` lists their voices. */
  speech?: Pick<ProviderCatalog, 'refuse' | 'voices'>;
  /**
   * Whether the configured Twilio account owns a number (its IncomingPhoneNumbers); absent in test
   * mode (no Twilio account), where a texted code proves the number instead.
   */
  numberOwner?: (e164: string) => Promise<boolean>;
  /** The node's graceful stop: once draining, no new calls are taken here. */
  drain: Drain;
  /** Writes to an organization through the API (caches of its configuration drop it); absent in some tests. */
  orgChanges?: OrgChanges;
}
