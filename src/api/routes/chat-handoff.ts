import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers } from '../answers.js';
import { and, desc, eq } from 'drizzle-orm';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { conversationLanguage, enqueue, orgSnapshot } from '../../notify/index.js';
import { PhoneSchema, text } from '../../business/index.js';
import { getChannelSettings, placeOutboundCall, type OutboundDeps } from '../../channels/index.js';
import type { Receptionist } from '../../conversations/index.js';
import { schema } from '../../db/index.js';
import { AppError, errors, isAppError, isUuid, newId } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { widgetCors } from './widget.js';

/**
 * "Call me back" from the website chat: a callback task for the team (a HIGH-priority message on
 * the chat's record, announced like any lead) and, when the business turned it on and the rules
 * allow (calling window, do-not-call), an outbound call of the agent right away.
 */
export function createChatHandoffRoutes(deps: {
  receptionist: Receptionist;
  outbound: OutboundDeps;
  now(organizationId: string): Promise<Date>;
}) {
  return async function chatHandoffRoutes(app: FastifyInstance, ctx: ApiContext) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.database.db;
    app.addHook('onRequest', widgetCors(db));

    r.post(
      '/api/chat/:orgKey/sessions/:id/callback',
      {
        schema: {
          tags: ['chat'],
          security: [],
          params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }),
          body: z.strictObject({ phone: PhoneSchema, name: text(120).optional(), note: text(500).optional() }),
          response: answers({ 201: z.object({ leadId: z.string(), calling: z.boolean() }) }),
        },
      },
      async (req, reply) => {
        const [org] = await db
          .select({ id: schema.organizations.id })
          .from(schema.organizations)
          .where(eq(schema.organizations.chatKey, req.params.orgKey));
        if (!org || !isUuid(req.params.id)) throw errors.notFound('chat session');
        const [chat] = await db
          .select({ id: schema.calls.id })
          .from(schema.calls)
          .where(
            and(
              eq(schema.calls.id, req.params.id),
              eq(schema.calls.organizationId, org.id),
              eq(schema.calls.channel, 'chat'),
            ),
          );
        if (!chat) throw errors.notFound('chat session');
        await enforceLimit(ctx.live, `chat:callback:${chat.id}`, 3, 3600);
        const lead = await deps.receptionist.captureLead({
          organizationId: org.id,
          callId: chat.id,
          phone: req.body.phone,
          name: req.body.name,
          kind: 'message',
          priority: 'HIGH',
          need: `Call back requested on the website chat${req.body.note ? `: ${req.body.note}` : ''}`,
        });
        let calling = false;
        if ((await getChannelSettings(db, org.id)).callbackCalls) {
          try {
            await placeOutboundCall(
              deps.outbound,
              org.id,
              { to: req.body.phone, purpose: 'follow_up', leadId: lead.id },
              await deps.now(org.id),
              { whenBusy: 'wait' },
            );
            calling = true;
          } catch (e) {
            // Outside calling hours, on the do-not-call list or no telephony: the task stays for the team.
            if (!isAppError(e)) throw e;
          }
        }
        return reply.status(201).send({ leadId: lead.id, calling });
      },
    );

    const Params = z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) });
    /** The chat of this key, or 404 (another organization's chat id answers like a missing one). */
    async function chatOf(orgKey: string, id: string) {
      const [org] = await db
        .select({ id: schema.organizations.id })
        .from(schema.organizations)
        .where(eq(schema.organizations.chatKey, orgKey));
      if (!org || !isUuid(id)) throw errors.notFound('chat session');
      const [chat] = await db
        .select({ id: schema.calls.id })
        .from(schema.calls)
        .where(and(eq(schema.calls.id, id), eq(schema.calls.organizationId, org.id), eq(schema.calls.channel, 'chat')));
      if (!chat) throw errors.notFound('chat session');
      return { organizationId: org.id, chatId: chat.id };
    }
    const digest = (chatId: string, phone: string, code: string) =>
      createHash('sha256').update(`${chatId}|${phone}|${code}`).digest('hex');
    const codeKey = (chatId: string) => `textme:code:${chatId}`;

    // "Text me": the chat's last answer by SMS, only to a number proven by a code texted to it first.
    r.post(
      '/api/chat/:orgKey/sessions/:id/text-me',
      {
        schema: {
          tags: ['chat'],
          security: [],
          params: Params,
          body: z.strictObject({ phone: PhoneSchema }),
          response: answers({ 202: z.object({ sent: z.boolean() }) }),
        },
      },
      async (req, reply) => {
        const { organizationId, chatId } = await chatOf(req.params.orgKey, req.params.id);
        await enforceLimit(ctx.live, `textme:send:${chatId}`, 3, 3600);
        await enforceLimit(ctx.live, `textme:send:${organizationId}:${req.body.phone}`, 3, 900);
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        await ctx.live.setValue(
          codeKey(chatId),
          JSON.stringify({ phone: req.body.phone, hash: digest(chatId, req.body.phone, code), tries: 0 }),
          600,
        );
        const snap = await orgSnapshot(db, organizationId);
        await enqueue(
          db,
          [
            {
              organizationId,
              event: 'verification.code',
              channel: 'sms',
              recipient: req.body.phone,
              idempotencyKey: `textme:${newId()}`,
              payload: {
                template: 'verification_code',
                event: 'verification.code',
                urgent: true,
                orgName: snap.orgName,
                timezone: snap.timezone,
                from: snap.from,
                language: await conversationLanguage(db, chatId, snap),
                data: { code },
              },
            },
          ],
          ctx.clock.now(),
        );
        return reply.status(202).send({ sent: true });
      },
    );

    r.post(
      '/api/chat/:orgKey/sessions/:id/text-me/confirm',
      {
        schema: {
          tags: ['chat'],
          security: [],
          params: Params,
          body: z.strictObject({
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, 'the 6-digit code'),
          }),
          response: answers({ 201: z.object({ sent: z.boolean(), to: z.string() }) }),
        },
      },
      async (req, reply) => {
        const { organizationId, chatId } = await chatOf(req.params.orgKey, req.params.id);
        const tries = await ctx.live.hit(`textme:tries:${chatId}`, 600);
        const raw = await ctx.live.getValue(codeKey(chatId));
        if (!raw || tries.count > 5) throw new AppError('CODE_INVALID', 'ask for a new code', 422);
        const stored = JSON.parse(raw) as { phone: string; hash: string };
        if (
          !timingSafeEqual(
            Buffer.from(stored.hash, 'hex'),
            Buffer.from(digest(chatId, stored.phone, req.body.code), 'hex'),
          )
        ) {
          throw new AppError('CODE_INVALID', 'that code is not right', 422);
        }
        await ctx.live.deleteValue(codeKey(chatId));
        const [last] = await db
          .select({ text: schema.callTurns.text })
          .from(schema.callTurns)
          .where(and(eq(schema.callTurns.callId, chatId), eq(schema.callTurns.role, 'agent')))
          .orderBy(desc(schema.callTurns.seq))
          .limit(1);
        const snap = await orgSnapshot(db, organizationId);
        await enqueue(
          db,
          [
            {
              organizationId,
              event: 'chat.summary',
              channel: 'sms',
              recipient: stored.phone,
              idempotencyKey: `chat-summary:${chatId}:${newId()}`,
              payload: {
                template: 'chat_summary',
                event: 'chat.summary',
                urgent: false,
                orgName: snap.orgName,
                timezone: snap.timezone,
                from: snap.from,
                language: await conversationLanguage(db, chatId, snap),
                data: { text: last?.text ?? '' },
              },
            },
          ],
          ctx.clock.now(),
        );
        return reply.status(201).send({ sent: true, to: stored.phone });
      },
    );
  };
}
