/**
 * The dashboard's browser test call: the owner's microphone and speakers over a WebSocket that speaks
 * Twilio's Media Streams protocol (connected → start → media/mark → stop; we send media/mark/clear),
 * into the same voice session a phone call runs, leaving a normal call record on channel `test`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { answers } from '../answers.js';
import { z } from 'zod';
import type { WebSocket } from 'ws';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { errors } from '../../lib/index.js';
import { createCall } from '../../calls/index.js';
import {
  bridgeConnection,
  MediaStreamConnection,
  DEFAULT_MAX_FRAME_BYTES,
  CLOSE,
  type StreamContext,
  type TelephonyDeps,
} from '../../telephony/index.js';
import type { CallEngine } from '../../voice/index.js';
import type { Principal } from '../auth/tokens.js';
import type { ApiContext } from '../context.js';
import { authenticate } from '../plugins/auth.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { createTickets } from '../plugins/tickets.js';

/** Browsers cannot set headers on a WebSocket: a one-time ticket (`POST /api/tickets`) may come as this subprotocol's suffix. */
export const TEST_CALL_TICKET_PREFIX = 'ticket.';
/** Test calls one organization may run at once (each may hold paid speech connections). */
export const MAX_TEST_CALLS_PER_ORG = 3;

/** What the page needs to know before it offers "Call my agent". */
export interface TestCallCapabilities {
  /** The speech-to-text in use is the scripted stand-in: a real microphone cannot be understood. */
  scriptedSpeech: boolean;
  stt: string;
  tts: string;
  /** The engine this organization's calls run on. */
  engine: 'cascade' | 'realtime';
}

/** How an upgrade request proves who it is: a ticket (`?ticket=` or the `ticket.<t>` subprotocol) or the Authorization header. */
export function upgradeCredential(req: FastifyRequest): { ticket: string } | { bearer: string } | null {
  const q = (req.query ?? {}) as { ticket?: unknown };
  if (typeof q.ticket === 'string' && q.ticket) return { ticket: q.ticket };
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const fromProtocol = protocols.find((p) => p.startsWith(TEST_CALL_TICKET_PREFIX));
  if (fromProtocol) return { ticket: fromProtocol.slice(TEST_CALL_TICKET_PREFIX.length) };
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? { bearer: h.slice(7).trim() } : null;
}

/**
 * `WS /api/test-call` (any role may test; the token is checked before the upgrade, 401 otherwise) and
 * `GET /api/test-call/capabilities`. `deps` are the phone edge's: the same receptionist, providers
 * and greeting cache.
 */
export function createTestCallRoute(deps: TelephonyDeps) {
  return async function testCallRoute(app: FastifyInstance, ctx: ApiContext) {
    const db = ctx.database.db;
    const tickets = createTickets(ctx.live);
    const live = new Set<CallEngine>();
    const sockets = new Map<WebSocket, string>();
    const running = (organizationId: string) => [...sockets.values()].filter((o) => o === organizationId).length;
    app.addHook('onClose', async () => {
      await Promise.allSettled([...live].map((e) => e.close('server shutdown')));
    });

    app.get(
      '/api/test-call/capabilities',
      {
        onRequest: authenticate(ctx.tokens),
        schema: {
          tags: ['calls'],
          summary: 'What the browser test call can do here',
          response: answers({
            200: z.object({
              scriptedSpeech: z.boolean(),
              stt: z.string(),
              tts: z.string(),
              engine: z.enum(['realtime', 'cascade']),
            }),
          }),
        },
      },
      async (req) => {
        const business = await deps.receptionist.load(req.principal!.organizationId);
        const body: TestCallCapabilities = {
          scriptedSpeech: deps.providers.stt.label === 'scripted.stt',
          stt: deps.providers.stt.label,
          tts: deps.providers.tts.label,
          engine: business.agent.engine === 'realtime' && deps.providers.realtime ? 'realtime' : 'cascade',
        };
        return body;
      },
    );

    const principals = new WeakMap<FastifyRequest, Principal>();
    app.get(
      '/api/test-call',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (req) => {
          const cred = upgradeCredential(req);
          if (!cred)
            throw errors.unauthorized(
              'ask POST /api/tickets for a ticket and send it as ?ticket= or the ticket.<ticket> subprotocol',
            );
          const principal =
            'ticket' in cred
              ? (await tickets.redeem(cred.ticket, 'test-call')).principal
              : await ctx.tokens.verify(cred.bearer);
          await enforceLimit(ctx.live, `test-call:${principal.organizationId}`, 30, 3600);
          if (running(principal.organizationId) >= MAX_TEST_CALLS_PER_ORG) throw errors.rateLimited(30);
          principals.set(req, principal);
        },
      },
      (socket: WebSocket, req: FastifyRequest) => {
        const principal = principals.get(req)!;
        sockets.set(socket, principal.organizationId);
        const conn = new MediaStreamConnection<StreamContext>(socket, {
          maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
          authorizeStart: async () => ({ ...(await openTestCall(principal)), prewarmed: undefined }),
        });
        // Our one addition to Twilio's protocol: the page learns which call record it is making.
        conn.on('start', ({ call }, start) =>
          socket.send(JSON.stringify({ event: 'call', streamSid: start.streamSid, call: { id: call.id } })),
        );
        bridgeConnection(conn, (c, _start, sink) => {
          const engine = deps.createEngine(c, sink);
          live.add(engine);
          conn.on('close', () => live.delete(engine));
          return engine;
        });
        // A socket that never starts a call does not hold a place for long.
        const idle = setTimeout(() => {
          if (conn.protocolState !== 'started') conn.close(CLOSE.policy, 'no start within 15 s');
        }, 15_000);
        conn.on('close', () => {
          clearTimeout(idle);
          sockets.delete(socket);
        });
      },
    );

    /** Creates the call record (channel test, from = who is testing) and loads the business. */
    async function openTestCall(p: Principal) {
      const business = await deps.receptionist.load(p.organizationId);
      const [user] = await db
        .select({ name: schema.users.name, email: schema.users.email })
        .from(schema.users)
        .where(eq(schema.users.id, p.userId));
      const now = deps.receptionist.clockOf(business).now();
      const call = await createCall(db, {
        organizationId: p.organizationId,
        channel: 'test',
        from: user?.name || user?.email || 'Dashboard test',
        status: 'in-progress',
        startedAt: now,
        engine: business.agent.engine === 'realtime' && deps.providers.realtime ? 'realtime' : 'cascade',
        metadata: { nodeId: deps.nodeId, testedBy: p.userId },
      });
      const [answered] = await db
        .update(schema.calls)
        .set({ answeredAt: now })
        .where(eq(schema.calls.id, call.id))
        .returning();
      return { call: answered ?? call, business };
    }
  };
}
