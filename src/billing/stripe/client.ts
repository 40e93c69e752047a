/**
 * Stripe's HTTP API for the calls billing makes: form-encoded POSTs with bracketed keys
 * (`line_items[0][price]`), Bearer secret key, a pinned API version and Idempotency-Key on writes.
 * https://docs.stripe.com/api — Billing Meters (`/v1/billing/meter_events`) replace legacy usage records.
 */

/** How to reach Stripe. */
export interface StripeClientOptions {
  secretKey: string;
  apiBase: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A failed Stripe request; 4xx other than 409/429 are not worth retrying. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`stripe ${status} ${type}: ${message}`);
    this.name = 'StripeError';
  }
  /** True when the same request may succeed later (network, 409 lock, 429, 5xx). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}

/** The API version the objects below are read in (item-level billing periods). */
export const STRIPE_API_VERSION = '2025-03-31.basil';

/** Request parameters, form-encoded as Stripe expects. */
export type Params = { [k: string]: string | number | boolean | null | undefined | Params | Params[] | string[] };

/** Stripe's form encoding: nested objects and arrays as `a[b][0][c]=v`. */
export function formEncode(params: Params, prefix = '', out = new URLSearchParams()): URLSearchParams {
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    const key = prefix ? `${prefix}[${k}]` : k;
    if (Array.isArray(v))
      v.forEach((item, i) =>
        typeof item === 'object' ? formEncode(item, `${key}[${i}]`, out) : out.append(`${key}[${i}]`, String(item)),
      );
    else if (typeof v === 'object') formEncode(v, key, out);
    else out.append(key, String(v));
  }
  return out;
}

/** A subscription as billing reads it. */
export interface StripeSubscription {
  id: string;
  customer: string;
  status: string;
  created: number;
  metadata?: Record<string, string>;
  items: { data: { price: { id: string }; current_period_start?: number; current_period_end?: number }[] };
}

/** The Stripe calls billing uses. */
export interface StripeApi {
  createCustomer(
    p: { email?: string; name: string; organizationId: string },
    idempotencyKey: string,
  ): Promise<{ id: string }>;
  createCheckoutSession(p: Params, idempotencyKey?: string): Promise<{ id: string; url: string }>;
  createPortalSession(p: { customer: string; return_url: string } & Params): Promise<{ id: string; url: string }>;
  retrieveSubscription(id: string): Promise<StripeSubscription>;
  createMeterEvent(p: {
    event_name: string;
    customer: string;
    value: number;
    identifier: string;
    timestamp: number;
  }): Promise<{ identifier: string }>;
}

/** Builds the Stripe client. */
export function createStripeClient(o: StripeClientOptions): StripeApi {
  const doFetch = o.fetch ?? fetch;
  async function call<T>(method: 'GET' | 'POST', path: string, params?: Params, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${o.secretKey}`,
      'stripe-version': STRIPE_API_VERSION,
    };
    if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let res: Response;
    try {
      res = await doFetch(`${o.apiBase.replace(/\/$/, '')}${path}`, {
        method,
        headers,
        body: method === 'POST' ? formEncode(params ?? {}).toString() : undefined,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new StripeError(0, 'network_error', (e as Error).message);
    }
    const body = (await res.json().catch(() => ({}))) as { error?: { type?: string; message?: string } };
    if (!res.ok)
      throw new StripeError(res.status, body.error?.type ?? 'api_error', body.error?.message ?? res.statusText);
    return body as T;
  }
  return {
    createCustomer: (p, key) =>
      call(
        'POST',
        '/v1/customers',
        { name: p.name, email: p.email, metadata: { organization_id: p.organizationId } },
        key,
      ),
    createCheckoutSession: (p, key) => call('POST', '/v1/checkout/sessions', p, key),
    createPortalSession: (p) => call('POST', '/v1/billing_portal/sessions', p),
    retrieveSubscription: (id) => call('GET', `/v1/subscriptions/${encodeURIComponent(id)}`),
    createMeterEvent: (p) =>
      call(
        'POST',
        '/v1/billing/meter_events',
        {
          event_name: p.event_name,
          identifier: p.identifier,
          timestamp: p.timestamp,
          payload: { stripe_customer_id: p.customer, value: String(p.value) },
        },
        p.identifier,
      ),
  };
}
