import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, NoContent, Obj, Row } from '../answers.js';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import { normalizePhone } from '../../business/index.js';
import { createChatSessions, type Receptionist } from '../../conversations/index.js';
import type { ApiContext } from '../context.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { widgetCors } from './widget.js';
import { authenticate, principalOf } from '../plugins/auth.js';

/** The key that names the signed-in staff's own organization (test chats only). */
export const OWN_KEY = 'mine';

/**
 * The chat widget (and the dashboard's "test your agent"): a public key per organization, sessions
 * that talk to the same brain as the phone, and a normal call record for each. Chats live in the
 * shared live store (conversations/chat-sessions), so any node answers any message.
 */
export function createChatRoutes(receptionist: Receptionist) {
  return async function chatRoutes(app: FastifyInstance, ctx: ApiContext) {
    const db = ctx.database.db;
    const chats = createChatSessions(
      { db, live: ctx.live, receptionist, clock: ctx.clock, logger: ctx.logger },
      ctx.config.chat,
    );
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['chat'];
    // Websites embed the widget: only their allowed origins may read these answers.
    app.addHook('onRequest', widgetCors(db));
    const asStaff = authenticate(ctx.tokens);

    // Idle chats are closed by whichever node sweeps first; a restart leaves open chats open.
    const sweepEvery = Math.min(60_000, Math.max(500, ctx.config.chat.idleSec * 500));
    const sweep = setInterval(() => {
      void chats.sweep().catch((err) => ctx.logger.error({ err }, 'chat sweep failed'));
    }, sweepEvery);
    sweep.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweep);
    });

    /**
     * The organization a key names. `mine` is the signed-in staff's own organization (the dashboard's
     * test chat, for roles that are not shown the public key).
     */
    async function orgByKey(key: string, req: FastifyRequest, reply: FastifyReply) {
      if (key === OWN_KEY) {
        await asStaff(req, reply);
        return principalOf(req).organizationId;
      }
      const [org] = await db
        .select({ id: schema.organizations.id })
        .from(schema.organizations)
        .where(eq(schema.organizations.chatKey, key));
      if (!org) throw errors.notFound('chat key');
      return org.id;
    }

    r.post(
      '/api/chat/:orgKey/sessions',
      {
        schema: {
          tags,
          security: [],
          params: z.strictObject({ orgKey: z.string().max(100) }),
          body: z
            .strictObject({
              phone: z.string().max(40).optional(),
              channel: z.enum(['chat', 'test']).optional(),
              /** The page's language: the agent starts in it when the business offers it (an agent on `auto` on a Spanish page). */
              language: z.enum(['en', 'es']).optional(),
            })
            .optional(),
          response: answers({
            201: Row({
              callId: z.string(),
              greeting: z.string(),
              language: z.string().optional().describe('the language the agent started in'),
            }),
          }),
        },
      },
      async (req, reply) => {
        // A test chat is the dashboard's "talk to your agent": only the organization's own staff may
        // open one, and their number plays caller ID. On the public widget a number is contact only.
        const test = req.body?.channel === 'test';
        if (test) await asStaff(req, reply);
        else await enforceLimit(ctx.live, `chat:new:${req.ip}`, 60, 60);
        const organizationId = await orgByKey(req.params.orgKey, req, reply);
        // Signed-in staff testing their agent are bounded per business, not per address: an office behind one
        // address (or the simulator, a business per scenario) does not use up its visitors' allowance.
        const address = test ? `staff:${organizationId}` : req.ip;
        if (test) {
          if (principalOf(req).organizationId !== organizationId) throw errors.notFound('chat key');
          await enforceLimit(ctx.live, `chat:new:${address}`, 60, 60);
        } else if (req.params.orgKey === OWN_KEY)
          throw errors.validation('the own-organization key is for test chats', { field: 'channel' });
        const phone = req.body?.phone ? normalizePhone(req.body.phone) : null;
        if (req.body?.phone && !phone)
          throw errors.validation('phone is not a valid phone number', {
            fields: [{ path: 'body.phone', message: 'not a valid phone number' }],
          });
        const opened = await chats.open({
          organizationId,
          address,
          phone,
          test,
          ...(req.body?.language ? { language: req.body.language } : {}),
        });
        return reply
          .status(201)
          .send({ id: opened.id, callId: opened.id, greeting: opened.greeting, language: opened.language });
      },
    );

    r.post(
      '/api/chat/:orgKey/sessions/:id/messages',
      {
        schema: {
          tags,
          security: [],
          params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }),
          body: z.strictObject({ text: z.string().trim().min(1, 'say something').max(2000) }),
          response: answers({
            200: Obj({ reply: z.string(), done: z.boolean(), state: z.string(), transfer: z.string().optional() }),
          }),
        },
      },
      async (req, reply) => {
        const organizationId = await orgByKey(req.params.orgKey, req, reply);
        if (!isUuid(req.params.id)) throw errors.notFound('chat session');
        await enforceLimit(ctx.live, `chat:msg:${req.params.id}`, 120, 60);
        return chats.say(organizationId, req.params.id, req.body.text);
      },
    );

    r.post(
      '/api/chat/:orgKey/sessions/:id/end',
      {
        schema: {
          tags,
          security: [],
          params: z.strictObject({ orgKey: z.string().max(100), id: z.string().max(64) }),
          response: answers({ 204: NoContent }),
        },
      },
      async (req, reply) => {
        const organizationId = await orgByKey(req.params.orgKey, req, reply);
        if (!isUuid(req.params.id) || !(await chats.belongs(organizationId, req.params.id)))
          throw errors.notFound('chat session');
        await chats.end(organizationId, req.params.id, 'caller left');
        return reply.status(204).send();
      },
    );
  };
}
