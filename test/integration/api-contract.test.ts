// Invariant: `/docs/json` describes every answer of every route — a 2xx with its schema (or its
// content type for audio, TwiML, HTML, calendars and streams) and the one error body
// `{ error: { code, message } }` for 4xx and 5xx — so the dashboard's types can be generated from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let doc: any;

beforeAll(async () => {
  // with the simulator's plugin mounted, so its routes are held to the contract too
  server = await startTestServer({ env: { SIMULATOR_KEY: 'contract-test-simulator-key' } });
  doc = await (await fetch(`${server.url}/docs/json`)).json();
});
afterAll(async () => {
  await server?.close();
});

const VERBS = ['get', 'post', 'put', 'patch', 'delete'];

/** A schema that says something: a type, properties, a reference or alternatives. */
const described = (s: any) =>
  !!s && typeof s === 'object' && ['type', 'properties', '$ref', 'anyOf', 'oneOf', 'allOf'].some((k) => k in s);

/** What is missing from one operation's answers (empty: nothing). */
function gaps(op: any): string[] {
  const out: string[] = [];
  const responses: Record<string, any> = op.responses ?? {};
  const ok = Object.entries(responses).filter(([code]) => /^2(\d\d|XX)$/i.test(code));
  if (ok.length === 0) out.push('no 2xx answer');
  for (const [code, r] of ok) {
    if (code === '204') continue;
    if (r.description === 'Default Response' && !r.content) {
      out.push(`${code}: no schema (the default)`);
      continue;
    }
    const content = r.content ?? {};
    if (Object.keys(content).length === 0) out.push(`${code}: no content type`);
    for (const [type, c] of Object.entries<any>(content)) {
      if (type.includes('json') && !described(c.schema)) out.push(`${code} ${type}: empty schema`);
    }
  }
  for (const family of ['4', '5']) {
    const errors = Object.entries(responses).filter(([code]) => code.startsWith(family));
    if (!errors.some(([code]) => /XX$/i.test(code))) out.push(`no ${family}xx answer`);
    for (const [code, r] of errors) {
      const schema = r.content?.['application/json']?.schema;
      // the fallback of each family is the error body; a named status may document its own (GET /health's 503)
      if (/XX$/i.test(code) ? schema?.$ref !== '#/components/schemas/Error' : !described(schema))
        out.push(`${code}: not the error body`);
    }
  }
  return out;
}

describe('the API contract in /docs/json', () => {
  it('the error body is one named schema: { error: { code, message, details? } }', () => {
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(['error']);
    expect(error.properties.error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties.error.properties)).toEqual(['code', 'message', 'details']);
  });

  it('every operation declares its 2xx answer and the error body for 4xx and 5xx', () => {
    const operations = Object.entries<any>(doc.paths).flatMap(([path, ops]) =>
      Object.entries<any>(ops)
        .filter(([m]) => VERBS.includes(m))
        .map(([m, op]) => ({ name: `${m.toUpperCase()} ${path}`, op })),
    );
    // the product's routes, the public webhooks and the simulator's plugin are all there
    const names = operations.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/calls',
        'POST /twilio/voice',
        'POST /stripe/webhook',
        'POST /api/simulator/organizations',
        'GET /api/calls/{id}/recording',
      ]),
    );
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.map((o) => ({ name: o.name, gaps: gaps(o.op) })).filter((o) => o.gaps.length > 0);
    expect(missing).toEqual([]);
  });

  it('audio, TwiML, HTML, calendar and event-stream answers name their content type', () => {
    const types = (path: string, method: string) => Object.keys(doc.paths[path][method].responses['200'].content);
    expect(types('/api/calls/{id}/recording', 'get')).toEqual(['audio/mpeg']);
    expect(types('/twilio/voice', 'post')).toEqual(['text/xml']);
    expect(types('/api/ack/{token}', 'get')).toEqual(['text/html']);
    expect(types('/api/ack/{token}', 'post')).toEqual(['application/json', 'text/html']);
    expect(types('/api/calendar.ics', 'get')).toEqual(['text/calendar']);
    expect(types('/api/events', 'get')).toEqual(['text/event-stream']);
  });
});
