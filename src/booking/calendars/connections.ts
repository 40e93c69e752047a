/**
 * Connecting and disconnecting calendars: the OAuth 2.0 authorization-code flow (start with a
 * signed state, finish by exchanging the code and storing the tokens sealed), and the listing the
 * dashboard shows (status, account, pending sync work, last error).
 */
import { and, eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import type { CalendarBusyTimes } from './busy-times.js';
import type { CalendarContext } from './context.js';
import {
  CALENDAR_PROVIDERS,
  CalendarApiError,
  integrationNotConfigured,
  oauthFailed,
  type CalendarProviderName,
} from './errors.js';
import { signState, verifyState, type OAuthState } from './oauth-state.js';
import {
  deleteIntegration,
  dropPending,
  listIntegrations,
  pendingJobs,
  saveConnection,
  wakePending,
} from './repository.js';
import type { CalendarSyncService } from './sync.js';

/** One provider as the dashboard shows it. */
export interface IntegrationView {
  readonly provider: CalendarProviderName;
  /** The server has OAuth credentials for this provider. */
  readonly configured: boolean;
  readonly status: 'not_connected' | 'connected' | 'reauth_required';
  readonly accountEmail: string | null;
  readonly calendarId: string | null;
  /** Whose appointments it mirrors and blocks; null: the whole business. */
  readonly staffId: string | null;
  readonly connectedAt: Date | null;
  readonly lastError: string | null;
  readonly pendingSyncJobs: number;
}

/** Starting a connection: who asks, for what, and where the provider sends the browser back. */
export interface ConnectRequest {
  readonly organizationId: string;
  readonly userId: string;
  readonly provider: CalendarProviderName;
  readonly staffId?: string | null;
  readonly redirectUri: string;
  readonly returnTo?: string | null;
  /** The hash of the nonce in the starting browser's cookie (see OAuthState.binding). */
  readonly binding: string;
}

/** The connect / callback / disconnect / list operations. */
export interface Connections {
  list(organizationId: string): Promise<IntegrationView[]>;
  /** The provider's authorization URL with a signed state. */
  start(r: ConnectRequest): Promise<{ url: string; state: string }>;
  /** Verifies the state, exchanges the code, stores the tokens; answers the state and the new view. */
  finish(
    provider: CalendarProviderName,
    code: string,
    state: string,
  ): Promise<{ state: OAuthState; integration: IntegrationView }>;
  /** Reads a state without finishing (to know where to send a refused consent back). */
  peek(provider: CalendarProviderName, state: string): Promise<OAuthState>;
  /** Forgets the connection and its pending work; false when there was none. */
  disconnect(organizationId: string, provider: CalendarProviderName): Promise<boolean>;
}

/** Builds the connection operations. `stateKey` signs OAuth states (a server secret). */
export function createConnections(
  ctx: CalendarContext,
  stateKey: () => Promise<string>,
  busy: CalendarBusyTimes,
  sync: CalendarSyncService,
): Connections {
  const providerOf = (p: CalendarProviderName) =>
    ctx.providers[p] ??
    (() => {
      throw integrationNotConfigured(p);
    })();

  async function list(organizationId: string): Promise<IntegrationView[]> {
    const [rows, pending] = await Promise.all([
      listIntegrations(ctx.db, organizationId),
      pendingJobs(ctx.db, organizationId),
    ]);
    return CALENDAR_PROVIDERS.map((provider) => {
      const r = rows.find((x) => x.provider === provider);
      const jobs = pending.find((x) => x.provider === provider);
      return {
        provider,
        configured: Boolean(ctx.providers[provider]),
        status: r ? (r.status === 'reauth_required' ? 'reauth_required' : 'connected') : 'not_connected',
        accountEmail: r?.accountEmail ?? null,
        calendarId: r?.calendarId ?? null,
        staffId: r?.staffId ?? null,
        connectedAt: r?.createdAt ?? null,
        lastError: r?.lastError ?? (r ? (jobs?.lastError ?? null) : null),
        pendingSyncJobs: r ? (jobs?.count ?? 0) : 0,
      };
    });
  }

  return {
    list,
    async start(r) {
      const provider = providerOf(r.provider);
      if (r.staffId) {
        const [member] = isUuid(r.staffId)
          ? await ctx.db
              .select({ id: schema.staff.id })
              .from(schema.staff)
              .where(and(eq(schema.staff.organizationId, r.organizationId), eq(schema.staff.id, r.staffId)))
          : [];
        if (!member) throw errors.notFound('staff member');
      }
      const state = signState(
        await stateKey(),
        {
          organizationId: r.organizationId,
          userId: r.userId,
          provider: r.provider,
          staffId: r.staffId ?? null,
          redirectUri: r.redirectUri,
          returnTo: r.returnTo ?? null,
          binding: r.binding,
        },
        ctx.clock.now(),
      );
      return { url: provider.authorizationUrl(state, r.redirectUri), state };
    },
    async peek(provider, state) {
      return verifyState(await stateKey(), state, provider, ctx.clock.now());
    },
    async finish(providerName, code, stateToken) {
      const state = verifyState(await stateKey(), stateToken, providerName, ctx.clock.now());
      const provider = providerOf(providerName);
      let got;
      try {
        got = await provider.exchangeCode(code, state.redirectUri);
      } catch (e) {
        if (e instanceof CalendarApiError) throw oauthFailed(providerName, e.message.replace(`${providerName}: `, ''));
        throw e;
      }
      const cipher = await ctx.cipher();
      await saveConnection(ctx.db, state.organizationId, providerName, {
        staffId: state.staffId,
        accountEmail: got.accountEmail,
        calendarId: got.calendarId,
        accessTokenEnc: cipher.seal(got.accessToken),
        refreshTokenEnc: cipher.seal(got.refreshToken!),
        tokenExpiresAt: got.expiresAt,
        settings: { connectedBy: state.userId },
      });
      // Work that waited for a reconnect runs now; availability reads the new calendar at once.
      await wakePending(ctx.db, state.organizationId, providerName, ctx.clock.now());
      busy.invalidate(state.organizationId);
      void sync.runDue().catch((err) => ctx.logger?.warn({ err }, 'calendar sync run failed'));
      ctx.logger?.info({ organizationId: state.organizationId, provider: providerName }, 'calendar connected');
      const integration = (await list(state.organizationId)).find((v) => v.provider === providerName)!;
      return { state, integration };
    },
    async disconnect(organizationId, providerName) {
      const row = await deleteIntegration(ctx.db, organizationId, providerName);
      if (!row) return false;
      await dropPending(ctx.db, organizationId, providerName, ctx.clock.now());
      busy.invalidate(organizationId);
      const provider = ctx.providers[providerName];
      if (provider && row.refreshTokenEnc) {
        const token = (await ctx.cipher()).open(row.refreshTokenEnc);
        await provider.revoke(token).catch(() => undefined);
      }
      return true;
    },
  };
}
