import { z } from 'zod';
import path from 'node:path';
import { hostname } from 'node:os';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const opt = z.string().min(1).optional();

/** Every environment variable the product reads; the only place that reads them. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Connections the listening socket may accept per turn of the event loop (handles on it; 1 = Node's own). */
  ACCEPT_HANDLES: z.coerce.number().int().min(1).max(64).default(16),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: opt,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  REDIS_URL: opt,
  REDIS_KEY_PREFIX: z.string().max(40).default('io:'),
  PUBLIC_URL: opt,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters (32 bytes)')
    .optional(),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Default: only on the embedded database; never implied on a production database. */
  SEED_DEMO: bool.optional(),
  DEMO_EMAIL: z.string().email().default('owner@demo-plumbing.test'),
  DEMO_PASSWORD: z.string().min(8).default('demo-password-123'),
  /**
   * Proxies in front of the server whose X-Forwarded-For may be believed: a hop count ("1") or a
   * comma-separated list of addresses/CIDRs ("10.0.0.0/8,127.0.0.1"). Never "true" (trust anyone).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c) => parseTrustProxy(v, c)),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Chat abuse bounds (see conversations/chat-sessions): open chats per organization, per address, in all. */
  CHAT_SESSIONS_PER_ORG: z.coerce.number().int().min(1).default(200),
  CHAT_SESSIONS_PER_IP: z.coerce.number().int().min(1).default(20),
  CHAT_SESSIONS_TOTAL: z.coerce.number().int().min(1).default(10_000),
  CHAT_IDLE_SEC: z.coerce.number().int().min(1).default(1800),
  CHAT_TURNS_PER_SESSION: z.coerce.number().int().min(1).default(60),
  CHAT_MESSAGES_PER_ORG_DAY: z.coerce.number().int().min(1).default(5000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  VOICE_DEADLINE_SCALE: z.coerce.number().min(1).max(20).default(1),
  TWILIO_ACCOUNT_SID: opt,
  TWILIO_AUTH_TOKEN: opt,
  TWILIO_API_BASE: z.string().url().default('https://api.twilio.com'),
  DEEPGRAM_API_KEY: opt,
  DEEPGRAM_BASE_URL: z.string().url().default('https://api.deepgram.com'),
  // Vendor model defaults, checked 2026-12-02 against the vendors' model and deprecation pages: none
  // is announced for shutdown (gpt-4o-mini goes 2027-01-14, gpt-realtime 2027-01-20, every
  // /v1/audio/speech model 2027-01-06, gpt-4o-*-transcribe 2027-02-26, Aura-1 went 2026-02-13).
  DEEPGRAM_STT_MODEL: z.string().min(1).default('nova-3'),
  DEEPGRAM_TTS_MODEL: z.string().min(1).default('aura-2-thalia-en'),
  OPENAI_API_KEY: opt,
  OPENAI_BASE_URL: z.string().url().default('https://api.openai.com/v1'),
  OPENAI_MODEL: z.string().min(1).default('gpt-6-luna'),
  OPENAI_REALTIME_MODEL: z.string().min(1).default('gpt-realtime-2.1'),
  OPENAI_TRANSCRIBE_MODEL: z.string().min(1).default('gpt-transcribe'),
  /** `gpt-realtime*` models speak over the Realtime socket; others (e.g. a compatible server's) over /audio/speech. */
  OPENAI_TTS_MODEL: z.string().min(1).default('gpt-realtime-2.1-mini'),
  OPENAI_VOICE: z.string().min(1).default('marin'),
  /** A self-hosted OpenAI-compatible transcription server (speaches, faster-whisper-server), e.g. http://gpu:8000/v1. */
  STT_BASE_URL: z.string().url().optional(),
  STT_MODEL: z.string().min(1).default('Systran/faster-whisper-small'),
  STT_API_KEY: opt,
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: opt,
  LLM_MODEL: z.string().default('llama3.1'),
  NODE_ID: opt,
  /** On SIGTERM, how long live calls may go on before they are closed with a spoken goodbye. */
  DRAIN_TIMEOUT_SEC: z.coerce.number().min(0).max(3600).default(25),
  /** A call answered with a media stream that has not started after this long is closed as failed. */
  STREAM_START_TIMEOUT_SEC: z.coerce.number().min(1).max(3600).default(60),
  SMTP_URL: opt,
  SMTP_FROM: z.string().default('InfiniOffice <no-reply@infinioffice.local>'),
  GOOGLE_CLIENT_ID: opt,
  GOOGLE_CLIENT_SECRET: opt,
  GOOGLE_OAUTH_BASE: z.string().url().default('https://oauth2.googleapis.com'),
  GOOGLE_AUTH_URL: z.string().url().default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_CALENDAR_BASE: z.string().url().default('https://www.googleapis.com/calendar/v3'),
  MS_CLIENT_ID: opt,
  MS_CLIENT_SECRET: opt,
  MS_TENANT: z.string().default('common'),
  MS_LOGIN_BASE: z.string().url().default('https://login.microsoftonline.com'),
  MS_GRAPH_BASE: z.string().url().default('https://graph.microsoft.com/v1.0'),
  STRIPE_SECRET_KEY: opt,
  STRIPE_WEBHOOK_SECRET: opt,
  STRIPE_API_BASE: z.string().url().default('https://api.stripe.com'),
  /** Stripe price ids: each plan's monthly price and its metered overage price (on the meter below). */
  STRIPE_PRICE_STARTER: opt,
  STRIPE_PRICE_GROWTH: opt,
  STRIPE_PRICE_SCALE: opt,
  STRIPE_OVERAGE_PRICE_STARTER: opt,
  STRIPE_OVERAGE_PRICE_GROWTH: opt,
  STRIPE_OVERAGE_PRICE_SCALE: opt,
  /** The Billing Meter's event_name overage minutes are reported under. */
  STRIPE_METER_EVENT: z.string().min(1).max(100).default('receptionist_overage_minutes'),
  /** How often the overage of closed periods is reported (minutes). */
  BILLING_REPORT_EVERY_MIN: z.coerce.number().int().min(1).max(1440).default(60),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** Web Push (urgent leads on the owner's phone): the VAPID private key, 64 hex; unset = generated once and kept in server_secrets. */
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, '64 hex characters (a P-256 private key)')
    .optional(),
  /** The contact push services see in the VAPID token (mailto: or https:). */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'mailto: or https: URL')
    .default('mailto:alerts@infinioffice.app'),
  /** Mounts the call simulator's routes (opened only with header x-simulator-key); unset = no simulator routes. */
  SIMULATOR_KEY: z.string().min(16).optional(),
});

/** The typed, immutable configuration passed down from the composition root. */
export type Config = Readonly<ReturnType<typeof deriveConfig>>;

/** Parses the environment once; throws with every invalid variable named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  return Object.freeze(deriveConfig(parsed.data));
}

/** TRUST_PROXY as Fastify's `trustProxy`: false, a hop count, or a list of addresses/CIDRs. */
function parseTrustProxy(v: string | undefined, c: z.RefinementCtx): false | number | string[] {
  if (v === undefined || ['0', 'false', 'no'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (['1', 'true', 'yes', '*'].includes(v)) {
    c.addIssue({
      code: 'custom',
      message:
        'trusting every proxy lets any client choose its own IP: give the number of proxy hops (e.g. 1) or their addresses/CIDRs',
    });
    return false;
  }
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.filter(
    (x) => !/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(x) && !['loopback', 'linklocal', 'uniquelocal'].includes(x),
  );
  if (bad.length) c.addIssue({ code: 'custom', message: `not an address or CIDR: ${bad.join(', ')}` });
  return list;
}

/**
 * On a production database the keys must come from the environment, never be generated and kept
 * next to the data they protect (a database dump would carry the keys with it).
 */
function requireSecrets(e: z.infer<typeof EnvSchema>): void {
  if (!e.DATABASE_URL) return;
  const missing = [!e.JWT_SECRET && 'JWT_SECRET', !e.ENCRYPTION_KEY && 'ENCRYPTION_KEY'].filter(Boolean);
  if (!missing.length) return;
  throw new Error(
    `invalid configuration: DATABASE_URL is set, so ${missing.join(' and ')} must be set too (keys are never stored in the database they protect).\n` +
      "  Generate them with:  openssl rand -hex 32   (or: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\")\n" +
      '  and keep them in your secret store; changing JWT_SECRET signs everyone out, changing ENCRYPTION_KEY loses stored calendar connections.',
  );
}

function deriveConfig(e: z.infer<typeof EnvSchema>) {
  requireSecrets(e);
  const inMemory = e.DATA_DIR === ':memory:';
  const dataDir = inMemory ? ':memory:' : path.resolve(e.DATA_DIR);
  return {
    env: e,
    port: e.PORT,
    host: e.HOST,
    acceptHandles: e.ACCEPT_HANDLES,
    dataDir,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT_BYTES,
    /** Stretches the call session's provider deadlines; only test runs on a loaded machine raise it. */
    voiceDeadlineScale: e.VOICE_DEADLINE_SCALE,
    db: e.DATABASE_URL
      ? ({
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          timeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS },
        } as const)
      : ({ kind: 'pglite', dir: inMemory ? undefined : path.join(dataDir, 'pglite') } as const),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_KEY_PREFIX,
    live: e.REDIS_URL ? ('redis' as const) : ('memory' as const),
    queue: e.REDIS_URL ? ('bullmq' as const) : ('memory' as const),
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlSec: e.ACCESS_TOKEN_TTL_SEC,
      refreshTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      loginRateLimit: e.LOGIN_RATE_LIMIT,
      registerRateLimit: e.REGISTER_RATE_LIMIT,
    },
    encryptionKey: e.ENCRYPTION_KEY,
    chat: {
      perOrganization: e.CHAT_SESSIONS_PER_ORG,
      perAddress: e.CHAT_SESSIONS_PER_IP,
      total: e.CHAT_SESSIONS_TOTAL,
      idleSec: e.CHAT_IDLE_SEC,
      turnsPerChat: e.CHAT_TURNS_PER_SESSION,
      charsPerChat: e.CHAT_TURNS_PER_SESSION * 500,
      messagesPerOrganizationDay: e.CHAT_MESSAGES_PER_ORG_DAY,
    },
    // the demo business and its published password: embedded database only, unless asked for explicitly
    seedDemo: (e.SEED_DEMO ?? !e.DATABASE_URL) ? { email: e.DEMO_EMAIL, password: e.DEMO_PASSWORD } : undefined,
    twilio: { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, apiBase: e.TWILIO_API_BASE },
    deepgram: e.DEEPGRAM_API_KEY
      ? {
          apiKey: e.DEEPGRAM_API_KEY,
          baseUrl: e.DEEPGRAM_BASE_URL,
          sttModel: e.DEEPGRAM_STT_MODEL,
          ttsModel: e.DEEPGRAM_TTS_MODEL,
        }
      : undefined,
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          realtimeModel: e.OPENAI_REALTIME_MODEL,
          transcribeModel: e.OPENAI_TRANSCRIBE_MODEL,
          ttsModel: e.OPENAI_TTS_MODEL,
          voice: e.OPENAI_VOICE,
        }
      : undefined,
    /** A self-hosted OpenAI-compatible transcription endpoint (endpointed utterances to /audio/transcriptions). */
    sttCompatible: e.STT_BASE_URL ? { baseUrl: e.STT_BASE_URL, model: e.STT_MODEL, apiKey: e.STT_API_KEY } : undefined,
    /** A self-hosted OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp), no key needed. */
    llmCompatible: e.LLM_BASE_URL ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL } : undefined,
    nodeId: e.NODE_ID ?? hostname(),
    drainTimeoutMs: e.DRAIN_TIMEOUT_SEC * 1000,
    streamStartTimeoutMs: e.STREAM_START_TIMEOUT_SEC * 1000,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    google:
      e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET
        ? {
            clientId: e.GOOGLE_CLIENT_ID,
            clientSecret: e.GOOGLE_CLIENT_SECRET,
            oauthBase: e.GOOGLE_OAUTH_BASE,
            authUrl: e.GOOGLE_AUTH_URL,
            calendarBase: e.GOOGLE_CALENDAR_BASE,
          }
        : undefined,
    microsoft:
      e.MS_CLIENT_ID && e.MS_CLIENT_SECRET
        ? {
            clientId: e.MS_CLIENT_ID,
            clientSecret: e.MS_CLIENT_SECRET,
            tenant: e.MS_TENANT,
            loginBase: e.MS_LOGIN_BASE,
            graphBase: e.MS_GRAPH_BASE,
          }
        : undefined,
    /** Stripe billing; without a secret key billing runs in local test mode (no checkout, no portal). */
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET,
          apiBase: e.STRIPE_API_BASE,
          meterEventName: e.STRIPE_METER_EVENT,
          prices: {
            starter: { base: e.STRIPE_PRICE_STARTER, overage: e.STRIPE_OVERAGE_PRICE_STARTER },
            growth: { base: e.STRIPE_PRICE_GROWTH, overage: e.STRIPE_OVERAGE_PRICE_GROWTH },
            scale: { base: e.STRIPE_PRICE_SCALE, overage: e.STRIPE_OVERAGE_PRICE_SCALE },
          },
        }
      : undefined,
    billingReportEveryMs: e.BILLING_REPORT_EVERY_MIN * 60_000,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    webPush: { privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT },
    simulatorKey: e.SIMULATOR_KEY,
  };
}

/** The names of every environment variable the product reads (the README's tables list exactly these). */
export const ENV_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));
