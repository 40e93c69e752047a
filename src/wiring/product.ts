import type { RoutePlugin } from '../api/app.js';
import type { ApiContext } from '../api/context.js';
import { createBookingRoutes } from '../api/routes/booking/index.js';
import { callRoutes, eventRoutes } from '../api/routes/calls.js';
import { createCallTranslationRoutes } from '../api/routes/call-translation.js';
import { clientRoutes } from '../api/routes/clients.js';
import { createChatRoutes } from '../api/routes/chat.js';
import { widgetRoutes } from '../api/routes/widget.js';
import { createSimulatorPlugin, createTestClocks } from '../simulator/index.js';
import type { Config } from '../config/index.js';
import type { Clock } from '../lib/index.js';
import { serverSecret, TEST_TWILIO_AUTH_TOKEN } from '../db/index.js';
import { createProviders, type Providers } from '../providers/index.js';
import { GreetingCache } from '../voice/index.js';
import {
  callEngineOf,
  createMediaStreamRoute,
  createRecordingRoute,
  purgeExpiredRecordings,
  createTwilioDialer,
  createTwilioWebhooks,
  createWarmTransfer,
  type TelephonyDeps,
} from '../telephony/index.js';
import { createOutboundRoutes } from '../api/routes/outbound.js';
import {
  campaignCallCompleted,
  campaignTick,
  followUpCallChannel,
  followUpCallCompleted,
  FOLLOW_UP_EVENT,
  OUTBOUND_DIAL_EVENT,
  queueDueReminders,
  queueLeadFollowUp,
  reminderCallChannel,
  REMINDER_EVENT,
  waitingCallChannel,
  type OutboundDeps,
} from '../channels/index.js';
import { campaignRoutes } from '../api/routes/campaigns.js';
import { createChatHandoffRoutes } from '../api/routes/chat-handoff.js';
import type { Server } from 'node:http';
import { deferSummary, edgeAnswerOf, markInterruptedCalls } from '../calls/index.js';
import { createCallSummaries, createReceptionist } from '../conversations/index.js';
import { createCallEngineFactory } from './call-engine.js';
import { createCalendars } from '../booking/calendars/index.js';
import { createIntegrationRoutes } from '../api/routes/integrations/index.js';
import { createNotifyRoutes } from '../api/routes/notify/index.js';
import { seedDemoActivity } from './demo-activity.js';
import { createAgentPreviewRoute } from '../api/routes/agent-preview.js';
import { createWebPlugin } from '../api/plugins/web.js';
import { createTestCallRoute } from '../api/routes/test-call.js';
import { observeCallCompleted } from '../api/plugins/voice-metrics.js';
import { createAnnouncer, queueOwnerNotice } from '../notify/index.js';
import { createBilling, type UsageNoticeSink } from '../billing/index.js';
import { createBillingRoutes } from '../api/routes/billing.js';
import { schema, type Queryable } from '../db/index.js';
import { eq } from 'drizzle-orm';

/** Speech and language providers from the configuration (local substitutes when keys are missing). */
export function providersFor(config: Config): Providers {
  return createProviders({
    deepgram: config.deepgram,
    openai: config.openai
      ? {
          apiKey: config.openai.apiKey,
          baseUrl: config.openai.baseUrl,
          chatModel: config.openai.model,
          realtimeModel: config.openai.realtimeModel,
          transcribeModel: config.openai.transcribeModel,
          ttsModel: config.openai.ttsModel,
          voice: config.openai.voice,
        }
      : undefined,
    openaiCompatible: config.llmCompatible,
    sttCompatible: config.sttCompatible,
  });
}

/** Billing's usage notices reach the owner through the outbox, in the metering transaction (once per fact). */
export function usageNotices(clock: Clock): UsageNoticeSink {
  return (tx, n) =>
    queueOwnerNotice(
      tx,
      {
        organizationId: n.organizationId,
        fact: `billing.usage_${n.threshold}:${n.organizationId}:${n.periodStart.toISOString()}`,
        event: 'billing.usage',
        template: 'usage_notice',
        data: {
          threshold: n.threshold,
          usedMinutes: n.usedMinutes,
          includedMinutes: n.includedMinutes,
          planName: n.planName,
          periodEnd: n.periodEnd.toISOString(),
          hardCapMinutes: n.hardCapMinutes,
          overage: `$${(n.overagePerMinuteCents / 100).toFixed(2)}`,
        },
      },
      clock.now(),
    ).then(() => undefined);
}

/**
 * The whole product's routes over one context: booking, calls and leads, live events, the chat
 * widget and the phone edge, each capability wired to the others through the receptionist.
 */
/** `webDist` serves another build of the dashboard (the browser tests build their own); `demoOrgId`: the demo business just created, whose week of calls is played. */
export async function productRoutes(
  ctx: ApiContext,
  providers: Providers = providersFor(ctx.config),
  opts: { webDist?: string; demoOrgId?: string } = {},
): Promise<RoutePlugin[]> {
  const db = ctx.database.db;
  const { config } = ctx;
  const devToken = config.twilio.authToken ? undefined : await serverSecret(db, TEST_TWILIO_AUTH_TOKEN, undefined, 16);
  const credentials = async () =>
    config.twilio.accountSid && config.twilio.authToken
      ? { accountSid: config.twilio.accountSid, authToken: config.twilio.authToken, apiBase: config.twilio.apiBase }
      : null;
  const calendars = createCalendars({ db, clock: ctx.clock, config, logger: ctx.logger });
  // Every fact is announced to the notify outbox in the transaction that records it.
  const announce = createAnnouncer(ctx.clock);
  const booking = { calendar: calendars, events: announce };
  const billing = createBilling({
    db,
    clock: ctx.clock,
    logger: ctx.logger,
    stripe: config.stripe,
    notices: usageNotices(ctx.clock),
  });
  const receptionist = createReceptionist({
    db,
    setupDb: ctx.database.setup,
    clock: ctx.clock,
    logger: ctx.logger,
    live: ctx.live,
    booking,
    languageModel: providers.llm ?? undefined,
    languageModelFor: (business) => providers.forAgent(business.agent).llm,
    // The simulator's test organizations run on their scenario's clock (kept by the simulator, only when it is mounted).
    ...(config.simulatorKey ? { testClockOf: createTestClocks(ctx.live).clockOf } : {}),
    // A new chat or missed-call lead queues its follow-up call in the same transaction (when the business turned them on).
    announceLead: async (tx, e) => {
      await announce(tx, e);
      if (e.type === 'lead.created') await queueLeadFollowUp(tx, e.lead, ctx.clock.now());
    },
    // A finished call is metered and announced in the transaction that completes it (exactly once).
    announceCall: async (tx, call) => {
      // With a model for this organization, the summary worker announces the call once the model has
      // written its summary; without one (none configured, or the owner chose offline) it is announced now
      // with the composed summary, not queued for a worker that would only keep it.
      if (providers.llm && (await summaryModelFor(call.organizationId, tx)))
        await deferSummary(tx, call.id, ctx.clock.now());
      else await announce(tx, { type: 'call.completed', call });
      observeCallCompleted(call);
      // A campaign's number moves on (answered, voicemail, opted out, or a retry later).
      await campaignCallCompleted(tx, call, ctx.clock.now());
      // A lead's follow-up call puts its outcome on the lead.
      await followUpCallCompleted(tx, call, ctx.clock.now());
      // Metered last: it locks the organization's one usage row until the commit, and every call of the
      // organization that ends meanwhile waits for that lock (calls ending together queued behind it).
      // A call the edge answered (voicemail, forwarded) never used the agent: it is not metered.
      if (!edgeAnswerOf(call)) await billing.meter(tx, call);
    },
    escalation: {
      // The ladder itself starts with the lead.urgent announcement; this tells the caller what it will use.
      async startEscalation(_db, leadId) {
        type Ladder = { steps?: { channel: string }[]; joinedLeadId?: string } | null;
        const ladderOf = async (id: string) =>
          (
            await db.select({ escalation: schema.leads.escalation }).from(schema.leads).where(eq(schema.leads.id, id))
          )[0]?.escalation as Ladder;
        let ladder = await ladderOf(leadId);
        // a second emergency of the same caller joined the open ladder: that one is what alerts the owner
        if (ladder?.joinedLeadId) ladder = await ladderOf(ladder.joinedLeadId);
        const steps = ladder?.steps ?? [];
        return { notified: [...new Set(steps.map((st) => st.channel))] };
      },
      // A warm transfer: the person hears who is calling and why and may decline; the caller stays with the agent until then.
      async transferCall(organizationId, callSid, to, whisper) {
        const [call] = await db
          .select({ to: schema.calls.to, from: schema.calls.from, direction: schema.calls.direction })
          .from(schema.calls)
          .where(eq(schema.calls.callSid, callSid));
        const businessNumber = call ? (call.direction === 'outbound' ? call.from : call.to) : null;
        if (!businessNumber) return false;
        return (await warmTransfer.transfer({ organizationId, callSid, businessNumber, to, whisper })) === 'accepted';
      },
    },
  });
  // The demo business's past week: the simulator's callers played through this receptionist, once, when it is created.
  if (opts.demoOrgId)
    await seedDemoActivity({ db, receptionist, clock: ctx.clock, logger: ctx.logger }, opts.demoOrgId).catch((err) =>
      ctx.logger.error({ err }, 'the demo week could not be played'),
    );
  /** The organization's language model (its agent.llm choice; none when it chose offline or none is configured). */
  const summaryModelFor = async (organizationId: string, q: Queryable = db) => {
    // only the agent's model choice (the model chain depends on nothing else): a summary, and each retry, reads one column
    const [agent] = await q
      .select({ llm: schema.agents.llm })
      .from(schema.agents)
      .where(eq(schema.agents.organizationId, organizationId));
    return agent?.llm === 'offline' ? null : providers.forAgent(agent ?? {}).llm;
  };
  // Post-call summaries by the organization's model.
  const summaries = createCallSummaries({
    db,
    clock: ctx.clock,
    logger: ctx.logger,
    announce: (tx, call) => announce(tx, { type: 'call.completed', call }),
    modelFor: summaryModelFor,
  });
  const greetings = new GreetingCache();
  const telephony: TelephonyDeps = {
    receptionist,
    providers,
    greetings,
    nodeId: config.nodeId,
    createEngine: createCallEngineFactory({
      receptionist,
      providers,
      greetings,
      deadlineScale: config.voiceDeadlineScale,
    }),
    authToken: async () => config.twilio.authToken ?? devToken!,
    credentials,
    admitCall: (organizationId) => billing.admit(organizationId),
    streamStartTimeoutMs: config.streamStartTimeoutMs,
  };
  const interrupted = await markInterruptedCalls(db, config.nodeId, new Date());
  if (interrupted.length) {
    ctx.logger.warn({ interrupted: interrupted.length }, 'calls cut off by the last shutdown were marked interrupted');
    // With Redis the dead node's entries are still on the shared active list: take them off now, not at their TTL.
    await Promise.all(interrupted.map((c) => ctx.live.removeActiveCall(c.organizationId, c.id).catch(() => undefined)));
  }
  // Twilio calls back the server's public URL; without PUBLIC_URL, the address it listens on (tests, a LAN).
  let httpServer: Server | undefined;
  const base = () => {
    if (config.publicUrl) return config.publicUrl;
    const a = httpServer?.address();
    return typeof a === 'object' && a ? `http://127.0.0.1:${a.port}` : `http://127.0.0.1:${config.port}`;
  };
  const dialer = createTwilioDialer({ credentials, base });
  // Every call the agent places runs on the engine its inbound calls would (the same rule).
  const outbound: OutboundDeps = {
    db,
    dialer,
    engineFor: async (organizationId) => callEngineOf(await receptionist.load(organizationId), providers),
  };
  const queuedCalls = { ...outbound, clock: ctx.clock };
  const warmTransfer = createWarmTransfer({ live: ctx.live, credentials, base, logger: ctx.logger });
  const orgNow = async (organizationId: string) => receptionist.clockOf(await receptionist.load(organizationId)).now();
  /** Background workers that live as long as the server. */
  const workers: RoutePlugin = async (app) => {
    httpServer = app.server;
    // Reminders are queued by a pass every 30 s; the outbox keys make passes on several nodes harmless.
    const reminders = setInterval(
      () =>
        void queueDueReminders(db, ctx.clock.now()).catch((err) =>
          ctx.logger.error({ err }, 'queueing reminders failed'),
        ),
      30_000,
    );
    reminders.unref();
    // Campaign dials are paced per minute; a pass every 5 s spreads them out within the minute.
    let ticking = false;
    const campaigns = setInterval(() => {
      if (ticking) return;
      ticking = true;
      void campaignTick(outbound, ctx.clock.now())
        .catch((err) => ctx.logger.error({ err }, 'campaign pass failed'))
        .finally(() => {
          ticking = false;
        });
    }, 5_000);
    campaigns.unref();
    // Recordings past their organization's retention are deleted at Twilio and here, hourly.
    const purge = () =>
      void purgeExpiredRecordings({ db, credentials, logger: ctx.logger }, ctx.clock.now()).catch((err) =>
        ctx.logger.error({ err }, 'recording retention pass failed'),
      );
    const retention = setInterval(purge, 3_600_000);
    retention.unref();
    app.addHook('onClose', async () => {
      clearInterval(reminders);
      clearInterval(campaigns);
      clearInterval(retention);
    });
    calendars.sync.start();
    if (providers.llm) summaries.start();
    app.addHook('onClose', () => summaries.stop());
    void providers.offlineTts.warm().catch(() => undefined);
    // Overage of closed periods goes to Stripe's meter; repeating a run never reports twice.
    const report = () =>
      void billing.reportOverage().catch((err) => ctx.logger.warn({ err }, 'overage report run failed'));
    const overage = billing.configured ? setInterval(report, config.billingReportEveryMs) : null;
    overage?.unref();
    if (billing.configured) report();
    app.addHook('onClose', async () => {
      await calendars.sync.stop();
      if (overage) clearInterval(overage);
    });
  };
  return [
    workers,
    createBookingRoutes(booking),
    createIntegrationRoutes(calendars),
    callRoutes,
    createCallTranslationRoutes({ modelFor: summaryModelFor }),
    clientRoutes,
    eventRoutes,
    createChatRoutes(receptionist),
    widgetRoutes,
    createOutboundRoutes({ outbound, now: orgNow }),
    campaignRoutes,
    createChatHandoffRoutes({ receptionist, outbound, now: orgNow }),
    createTwilioWebhooks(telephony),
    createMediaStreamRoute(telephony),
    createRecordingRoute(telephony),
    // The simulator is a tool, not a product route: it exists only on a server given a SIMULATOR_KEY.
    ...(config.simulatorKey
      ? [
          createSimulatorPlugin(
            config.simulatorKey,
            providers.stt.label === 'scripted.stt' ? providers.scriptBook : null,
          ),
        ]
      : []),
    createNotifyRoutes({
      callsByEvent: config.twilio.accountSid
        ? {
            [REMINDER_EVENT]: reminderCallChannel(queuedCalls),
            [FOLLOW_UP_EVENT]: followUpCallChannel(queuedCalls),
            [OUTBOUND_DIAL_EVENT]: waitingCallChannel(queuedCalls),
          }
        : undefined,
    }),
    createBillingRoutes(billing),
    createAgentPreviewRoute((agent) => providers.forAgent(agent).tts),
    createTestCallRoute(telephony),
    // Last: the dashboard's files and its client-side routes.
    createWebPlugin(opts.webDist ? { dist: opts.webDist } : {}),
  ];
}
