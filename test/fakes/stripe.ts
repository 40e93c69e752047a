/**
 * A local Stripe on 127.0.0.1:0 speaking the HTTP API billing uses: form-encoded bodies with bracketed
 * keys, Bearer secret key, Idempotency-Key replays (same key → the first answer), customers, Checkout
 * and Customer Portal sessions, subscriptions and Billing Meter events (deduplicated by identifier).
 * It also plays Stripe's side of webhooks: events signed `t=…,v1=HMAC-SHA256(t.payload)` with the
 * endpoint secret, posted to the product — replayable, reorderable, with any timestamp or a bad signature.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFake, type FakeServer } from './common.js';

type Obj = Record<string, any>;

/** Parses Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays. */
export function parseStripeForm(body: string): Obj {
  const out: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: any = out;
    path.forEach((k, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
      if (last) node[k] = value;
      else node = node[k] ??= nextIsIndex ? [] : {};
    });
  }
  return out;
}

/** A meter event the fake accepted. */
export interface MeterEvent {
  event_name: string;
  identifier: string;
  timestamp: number;
  payload: { stripe_customer_id: string; value: string };
}

/** The fake, its state and its knobs. */
export interface FakeStripe extends FakeServer {
  secretKey: string;
  webhookSecret: string;
  customers: Map<string, Obj>;
  checkoutSessions: Map<string, Obj>;
  portalSessions: Obj[];
  subscriptions: Map<string, Obj>;
  /** Accepted meter events, one per identifier (Stripe deduplicates on it). */
  meterEvents: MeterEvent[];
  /** Every request: method, path, idempotency key. */
  requests: { method: string; path: string; idempotencyKey?: string }[];
  /** Next answers for meter events: 'fail' answers 500 without recording, 'lose' records then answers 500 (a lost answer). */
  meterScript: Array<'fail' | 'lose'>;
  /** Where events are posted (the product's /stripe/webhook). */
  webhookUrl: string;
  /** Stripe's clock in unix seconds (event `created`, periods, signature `t`). */
  now(): number;
  setNow(unixSec: number): void;
  /** The customer finishes Checkout: a subscription on the session's prices; answers the events to deliver. */
  completeCheckout(sessionId: string): { subscription: Obj; events: Obj[] };
  /** Changes a subscription (plan by price id, status) and answers the `customer.subscription.updated|deleted` event. */
  updateSubscription(id: string, change: { price?: string; status?: string }): Obj;
  /** Posts an event signed as Stripe does; options forge the timestamp or the signature. */
  deliver(
    event: Obj,
    o?: { t?: number; badSignature?: boolean; noSignature?: boolean },
  ): Promise<{ status: number; body: any }>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

/** Starts the fake Stripe. */
export async function startFakeStripe(
  o: { secretKey?: string; webhookSecret?: string; now?: number } = {},
): Promise<FakeStripe> {
  let clock = o.now ?? Math.floor(Date.now() / 1000);
  const idem = new Map<string, { status: number; body: Obj }>();
  // eslint-disable-next-line prefer-const -- the handlers close over it; it is assigned once the server is up
  let s!: FakeStripe;

  const send = (res: ServerResponse, status: number, body: Obj) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, type: string, message: string) =>
    send(res, status, { error: { type, message } });

  function event(type: string, object: Obj): Obj {
    return {
      id: id('evt'),
      object: 'event',
      type,
      created: clock,
      api_version: '2025-03-31.basil',
      data: { object: structuredClone(object) },
    };
  }

  function route(method: string, path: string, p: Obj): [number, Obj] {
    if (method === 'POST' && path === '/v1/customers') {
      const c = {
        id: id('cus'),
        object: 'customer',
        name: p.name ?? null,
        email: p.email ?? null,
        metadata: p.metadata ?? {},
        created: clock,
      };
      s.customers.set(c.id, c);
      return [200, c];
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!p.customer || !s.customers.has(p.customer))
        return [400, { error: { type: 'invalid_request_error', message: 'No such customer' } }];
      if (p.mode !== 'subscription' || !Array.isArray(p.line_items) || !p.success_url)
        return [
          400,
          { error: { type: 'invalid_request_error', message: 'mode, line_items and success_url are required' } },
        ];
      const cs = {
        id: id('cs_test'),
        object: 'checkout.session',
        ...p,
        url: `${s.url}/pay/${id('cs')}`,
        status: 'open',
        subscription: null,
      };
      s.checkoutSessions.set(cs.id, cs);
      return [200, cs];
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!p.customer || !s.customers.has(p.customer))
        return [400, { error: { type: 'invalid_request_error', message: 'No such customer' } }];
      const ps = { id: id('bps'), object: 'billing_portal.session', ...p, url: `${s.url}/portal/${id('p')}` };
      s.portalSessions.push(ps);
      return [200, ps];
    }
    const sub = path.match(/^\/v1\/subscriptions\/([\w]+)$/);
    if (method === 'GET' && sub) {
      const found = s.subscriptions.get(sub[1]);
      return found
        ? [200, found]
        : [404, { error: { type: 'invalid_request_error', message: 'No such subscription' } }];
    }
    if (method === 'POST' && path === '/v1/billing/meter_events') {
      if (!p.event_name || !p.payload?.stripe_customer_id || !p.payload?.value)
        return [400, { error: { type: 'invalid_request_error', message: 'event_name and payload are required' } }];
      const step = s.meterScript.shift();
      if (step === 'fail') return [500, { error: { type: 'api_error', message: 'try again' } }];
      const ev: MeterEvent = {
        event_name: p.event_name,
        identifier: p.identifier ?? id('mev'),
        timestamp: Number(p.timestamp ?? clock),
        payload: p.payload,
      };
      if (!s.meterEvents.some((m) => m.identifier === ev.identifier)) s.meterEvents.push(ev);
      if (step === 'lose') return [500, { error: { type: 'api_error', message: 'connection reset' } }];
      return [200, { object: 'billing.meter_event', created: clock, livemode: false, ...ev }];
    }
    return [
      404,
      { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    ];
  }

  const fake = await startFake((req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0];
    const key = req.headers['idempotency-key'] as string | undefined;
    s.requests.push({ method: req.method ?? '', path, idempotencyKey: key });
    if (req.headers.authorization !== `Bearer ${s.secretKey}`)
      return error(res, 401, 'invalid_request_error', 'Invalid API Key provided');
    if (req.method === 'POST' && !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return error(res, 400, 'invalid_request_error', 'form encoding expected');
    if (key && idem.has(`${path}|${key}`)) {
      const first = idem.get(`${path}|${key}`)!;
      return send(res, first.status, first.body);
    }
    const [status, out] = route(req.method ?? 'GET', path, parseStripeForm(body));
    if (key && status < 500) idem.set(`${path}|${key}`, { status, body: out });
    return send(res, status, out);
  });

  s = Object.assign(fake, {
    secretKey: o.secretKey ?? 'sk_test_fake',
    webhookSecret: o.webhookSecret ?? `whsec_${randomBytes(12).toString('hex')}`,
    customers: new Map(),
    checkoutSessions: new Map(),
    portalSessions: [],
    subscriptions: new Map(),
    meterEvents: [],
    requests: [],
    meterScript: [],
    webhookUrl: '',
    now: () => clock,
    setNow: (t: number) => {
      clock = t;
    },
    completeCheckout(sessionId: string) {
      const cs = s.checkoutSessions.get(sessionId);
      if (!cs) throw new Error(`no checkout session ${sessionId}`);
      const subscription = {
        id: id('sub'),
        object: 'subscription',
        customer: cs.customer,
        status: 'active',
        created: clock,
        metadata: cs.subscription_data?.metadata ?? {},
        items: {
          object: 'list',
          data: cs.line_items.map((li: Obj) => ({
            id: id('si'),
            price: { id: li.price },
            current_period_start: clock,
            current_period_end: clock + 30 * 86_400,
          })),
        },
      };
      s.subscriptions.set(subscription.id, subscription);
      Object.assign(cs, { status: 'complete', subscription: subscription.id });
      return {
        subscription,
        events: [event('customer.subscription.created', subscription), event('checkout.session.completed', cs)],
      };
    },
    updateSubscription(subId: string, change: { price?: string; status?: string }) {
      const sub = s.subscriptions.get(subId);
      if (!sub) throw new Error(`no subscription ${subId}`);
      if (change.price) sub.items.data[0].price = { id: change.price };
      if (change.status) sub.status = change.status;
      return event(sub.status === 'canceled' ? 'customer.subscription.deleted' : 'customer.subscription.updated', sub);
    },
    async deliver(ev: Obj, opts: { t?: number; badSignature?: boolean; noSignature?: boolean } = {}) {
      const payload = JSON.stringify(ev);
      const t = opts.t ?? clock;
      const secret = opts.badSignature ? 'whsec_not_the_secret' : s.webhookSecret;
      const v1 = createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (!opts.noSignature) headers['stripe-signature'] = `t=${t},v1=${v1}`;
      const res = await fetch(s.webhookUrl, { method: 'POST', headers, body: payload });
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body };
    },
  });
  return s;
}
