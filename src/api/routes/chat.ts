import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { errors, isUuid, type Clock } from '../../lib/index.js';
import { normalizePhone } from '../../business/index.js';
import { createCall, recordTurn } from '../../calls/index.js';
import type { Conversation, BrainEvent } from '../../brain/index.js';
import type { Receptionist } from '../../conversations/index.js';
import type { ApiContext } from '../context.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { widgetCors } from './widget.js';
import { authenticate, principalOf } from '../plugins/auth.js';

/** A live chat: the conversation and its call record. Kept on the node that started it. */
interface ChatSession { orgId: string; callId: string; conversation: Conversation; onEvent: (e: BrainEvent) => void; lastActive: number; busy: Promise<unknown>; clock: Clock }

const IDLE_MS = 30 * 60_000;

/**
 * The chat widget (and the dashboard's "test your agent"): a public key per organization, sessions
 * that talk to the same brain as the phone, and a normal call record for each.
 */
export function createChatRoutes(receptionist: Receptionist) {
  return async function chatRoutes(app: FastifyInstance, ctx: ApiContext) {
    const sessions = new Map<string, ChatSession>();
    const db = ctx.database.db;
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['chat'];
    // Websites embed the widget: only their allowed origins may read these answers.
    app.addHook('onRequest', widgetCors(db));
    const asStaff = authenticate(ctx.tokens);

    const end = async (id: string, reason: string) => {
      const s = sessions.get(id);
      if (!s) return;
      sessions.delete(id);
      // The organization's clock, as at the start: the duration (and the metered seconds) is end minus start on one clock.
      await receptionist.complete(s, { endedAt: s.clock.now(), reason });
    };
    const sweep = setInterval(() => {
      const now = Date.now();
      for (const [id, s] of sessions) if (now - s.lastActive > IDLE_MS) void end(id, 'idle');
    }, 60_000);
    sweep.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweep);
      await Promise.allSettled([...sessions.keys()].map((id) => end(id, 'server shutdown')));
    });

    async function orgByKey(key: string) {
      const [org] = await db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.chatKey, key));
      if (!org) throw errors.notFound('chat key');
      return org.id;
    }

    r.post('/api/chat/:orgKey/sessions', {
      schema: { tags, security: [], params: z.strictObject({ orgKey: z.string().max(100) }),
        body: z.strictObject({ phone: z.string().max(40).optional(), channel: z.enum(['chat', 'test']).optional() }).optional() },
    }, async (req, reply) => {
      await enforceLimit(ctx.live, `chat:new:${req.ip}`, 60, 60);
      const orgId = await orgByKey(req.params.orgKey);
      const phone = req.body?.phone ? normalizePhone(req.body.phone) : null;
      if (req.body?.phone && !phone) throw errors.validation('phone is not a valid phone number', { fields: [{ path: 'body.phone', message: 'not a valid phone number' }] });
      // A test chat is the dashboard's "talk to your agent": only the organization's own staff may
      // open one, and their number plays caller ID. On the public widget a number is contact only.
      const isTest = req.body?.channel === 'test';
      if (isTest) {
        await asStaff(req, reply);
        if (principalOf(req).organizationId !== orgId) throw errors.notFound('chat key');
      }
      const business = await receptionist.load(orgId);
      const clock = receptionist.clockOf(business);
      const call = await createCall(db, { organizationId: orgId, channel: isTest ? 'test' : 'chat', from: phone, startedAt: clock.now(), engine: 'text' });
      const who = isTest ? { callerPhone: phone } : { contactPhone: phone };
      const { conversation, onEvent } = receptionist.start({ orgId, callId: call.id, ...who, channel: 'chat' }, business);
      const greeting = conversation.greet();
      await recordTurn(db, { id: call.id, organizationId: orgId }, { callerText: '', agentText: greeting.text, at: clock.now() });
      sessions.set(call.id, { orgId, callId: call.id, conversation, onEvent, lastActive: Date.now(), busy: Promise.resolve(), clock });
      await receptionist.callStarted({ orgId, callId: call.id, channel: call.channel, from: phone, startedAt: call.startedAt });
      return reply.status(201).send({ id: call.id, callId: call.id, greeting: greeting.text });
    });

    r.post('/api/chat/:orgKey/sessions/:id/messages', {
      schema: { tags, security: [], params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }),
        body: z.strictObject({ text: z.string().trim().min(1, 'say something').max(2000) }) },
    }, async (req) => {
      const orgId = await orgByKey(req.params.orgKey);
      const s = isUuid(req.params.id) ? sessions.get(req.params.id) : undefined;
      if (!s || s.orgId !== orgId) throw errors.notFound('chat session');
      await enforceLimit(ctx.live, `chat:msg:${s.callId}`, 120, 60);
      const run = s.busy.then(async () => {
        const started = performance.now();
        const replyMsg = await s.conversation.handle({ text: req.body.text }, { onEvent: s.onEvent });
        const llmMs = Math.round(performance.now() - started);
        await recordTurn(db, { id: s.callId, organizationId: orgId }, { callerText: req.body.text, agentText: replyMsg.text, llmMs, e2eMs: llmMs });
        receptionist.publish(orgId, 'call.turn', { callId: s.callId, callerText: req.body.text, agentText: replyMsg.text });
        return replyMsg;
      });
      s.busy = run.catch(() => undefined);
      s.lastActive = Date.now();
      const replyMsg = await run;
      if (replyMsg.done) await end(s.callId, 'conversation finished');
      return { reply: replyMsg.text, done: replyMsg.done, state: replyMsg.state, ...(replyMsg.transfer ? { transfer: replyMsg.transfer.to } : {}) };
    });

    r.post('/api/chat/:orgKey/sessions/:id/end', {
      schema: { tags, security: [], params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }) },
    }, async (req, reply) => {
      const orgId = await orgByKey(req.params.orgKey);
      const s = isUuid(req.params.id) ? sessions.get(req.params.id) : undefined;
      if (!s || s.orgId !== orgId) throw errors.notFound('chat session');
      await end(s.callId, 'caller left');
      return reply.status(204).send();
    });
  };
}
