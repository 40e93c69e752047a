/**
 * A business's webhook receiver on 127.0.0.1: verifies every delivery's signature with the documented
 * recipe, deduplicates on the delivery id, and can fail, hang or answer a chosen status on demand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyWebhook, WEBHOOK_HEADERS } from '../../src/notify/index.js';
import { startFake, type FakeServer } from './common.js';

/** One request the receiver saw. */
export interface WebhookHit {
  deliveryId: string;
  event: string;
  valid: boolean;
  status: number;
  body: any;
}

/** The receiver, its log and its knobs. */
export interface WebhookReceiver extends FakeServer {
  /** Signing secret to verify with (set after creating the subscription). */
  secret: string;
  hits: WebhookHit[];
  /** Deliveries accepted with a valid signature, once per delivery id (what the business processed). */
  processed: Map<string, any>;
  /** Next answers, consumed in order (a number is a status, 'hang' never answers); then 200. */
  script: Array<number | 'hang'>;
  /** Answers every hanging request with 200. */
  releaseHung(): void;
}

/** Starts a receiver at `/hook`. */
export async function startWebhookReceiver(now: () => number = () => Date.now()): Promise<WebhookReceiver> {
  const hung: ServerResponse[] = [];
  // eslint-disable-next-line prefer-const -- the handlers close over it; it is assigned once the server is up
  let rx!: WebhookReceiver;
  const st = {
    secret: '',
    hits: [] as WebhookHit[],
    processed: new Map<string, any>(),
    script: [] as Array<number | 'hang'>,
  };
  const fake = await startFake((req: IncomingMessage, res: ServerResponse, body: string) => {
    const h = (n: string) => (req.headers[n] as string | undefined) ?? '';
    const valid = verifyWebhook(
      rx.secret,
      { timestamp: h(WEBHOOK_HEADERS.timestamp), signature: h(WEBHOOK_HEADERS.signature) },
      body,
      Math.floor(now() / 1000),
    );
    const next = rx.script.shift() ?? 200;
    const deliveryId = h(WEBHOOK_HEADERS.delivery);
    const parsed = JSON.parse(body);
    rx.hits.push({
      deliveryId,
      event: h(WEBHOOK_HEADERS.event),
      valid,
      status: next === 'hang' ? 0 : next,
      body: parsed,
    });
    if (next === 'hang') {
      // The receiver took the delivery in but the sender never hears back (it "dies" meanwhile).
      if (valid) rx.processed.set(deliveryId, parsed);
      hung.push(res);
      return;
    }
    if (!valid) return void res.writeHead(401).end('bad signature');
    if (next >= 200 && next < 300) rx.processed.set(deliveryId, parsed);
    res.writeHead(next).end();
  });
  rx = Object.assign(fake, st, {
    releaseHung: () => {
      for (const r of hung.splice(0)) r.writeHead(200).end();
    },
  }) as WebhookReceiver;
  return rx;
}
