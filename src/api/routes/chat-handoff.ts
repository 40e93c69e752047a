import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { PhoneSchema, text } from '../../business/index.js';
import { getChannelSettings, placeOutboundCall, type Dialer } from '../../channels/index.js';
import type { Receptionist } from '../../conversations/index.js';
import { schema } from '../../db/index.js';
import { errors, isAppError, isUuid } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { widgetCors } from './widget.js';

/**
 * "Call me back" from the website chat: a callback task for the team (a HIGH-priority message on
 * the chat's record, announced like any lead) and, when the business turned it on and the rules
 * allow (calling window, do-not-call), an outbound call of the agent right away.
 */
export function createChatHandoffRoutes(deps: { receptionist: Receptionist; dialer: Dialer; now(orgId: string): Promise<Date> }) {
  return async function chatHandoffRoutes(app: FastifyInstance, ctx: ApiContext) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.database.db;
    app.addHook('onRequest', widgetCors(db));

    r.post('/api/chat/:orgKey/sessions/:id/callback', {
      schema: {
        tags: ['chat'], security: [], params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }),
        body: z.strictObject({ phone: PhoneSchema, name: text(120).optional(), note: text(500).optional() }),
      },
    }, async (req, reply) => {
      const [org] = await db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.chatKey, req.params.orgKey));
      if (!org || !isUuid(req.params.id)) throw errors.notFound('chat session');
      const [chat] = await db.select({ id: schema.calls.id }).from(schema.calls)
        .where(and(eq(schema.calls.id, req.params.id), eq(schema.calls.organizationId, org.id), eq(schema.calls.channel, 'chat')));
      if (!chat) throw errors.notFound('chat session');
      await enforceLimit(ctx.live, `chat:callback:${chat.id}`, 3, 3600);
      const lead = await deps.receptionist.captureLead({
        organizationId: org.id, callId: chat.id, phone: req.body.phone, name: req.body.name, kind: 'message', priority: 'HIGH',
        need: `Call back requested on the website chat${req.body.note ? `: ${req.body.note}` : ''}`,
      });
      let calling = false;
      if ((await getChannelSettings(db, org.id)).callbackCalls) {
        try {
          await placeOutboundCall({ db, dialer: deps.dialer }, org.id, { to: req.body.phone, purpose: 'follow_up', leadId: lead.id }, await deps.now(org.id));
          calling = true;
        } catch (e) {
          // Outside calling hours, on the do-not-call list or no telephony: the task stays for the team.
          if (!isAppError(e)) throw e;
        }
      }
      return reply.status(201).send({ leadId: lead.id, calling });
    });
  };
}
