/**
 * Call scenarios (SCENARIOS.md): the schema, and loading them from YAML or JSON files and folders
 * (a file holds one scenario or a list of them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BusinessBlock, LocalDateTime } from './business-block.js';

/** One thing the caller does: says a line, speaks over the agent, stays silent, or presses keys. */
export const CallerLine = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), bargeIn: z.boolean().default(false) }),
  z.strictObject({ silenceMs: z.number().int().min(0).max(60_000) }),
  z.strictObject({
    dtmf: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^[0-9*#]{1,20}$/)),
  }),
]);
export type CallerLine = z.infer<typeof CallerLine>;

const none = z.literal('none');
const Phone = z.union([z.string(), z.number()]).transform(String);

/** What must be true when the call ends; only what is written is checked. */
const WantedAppointment = z.strictObject({
  service: z.string().optional(),
  start: LocalDateTime.optional(),
  startWithin: z.tuple([LocalDateTime, LocalDateTime]).optional(),
  customerName: z.string().optional(),
  staff: z.string().optional(),
  /** The service address stored on the appointment (on-site work). */
  address: z.string().optional(),
});
export type WantedAppointment = z.infer<typeof WantedAppointment>;

export const Expectations = z.strictObject({
  appointment: z.union([none, WantedAppointment]).optional(),
  /** Several bookings made on one call (two people, two visits): each is booked, and nothing else is. */
  appointments: z.array(WantedAppointment).min(1).optional(),
  lead: z
    .union([
      none,
      z.strictObject({
        name: z.string().optional(),
        phone: Phone.optional(),
        priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']).optional(),
        address: z.string().optional(),
        email: z.string().optional(),
      }),
    ])
    .optional(),
  cancelled: z.union([none, z.strictObject({ start: LocalDateTime })]).optional(),
  rescheduled: z.union([none, z.strictObject({ from: LocalDateTime, to: LocalDateTime })]).optional(),
  escalation: z
    .union([
      none,
      z.strictObject({
        priority: z.enum(['URGENT', 'HIGH', 'NORMAL']).optional(),
        notified: z.array(z.enum(['sms', 'email', 'call', 'webhook'])).optional(),
      }),
    ])
    .optional(),
  transferredTo: z.union([none, Phone]).optional(),
  messageTaken: z.boolean().optional(),
  agentSaid: z.array(z.string()).optional(),
  agentNeverSaid: z.array(z.string()).optional(),
  maxAgentTurns: z.number().int().min(1).optional(),
  outcome: z.union([z.string(), z.array(z.string())]).optional(),
});
export type Expectations = z.infer<typeof Expectations>;

/** One scripted caller and what must be true when the call ends. */
export const Scenario = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  channel: z.enum(['phone', 'text']).default('text'),
  now: LocalDateTime,
  business: BusinessBlock,
  caller: z.strictObject({
    from: Phone.optional(),
    says: z.array(CallerLine).default([]),
    answers: z.record(z.string(), z.string()).optional(),
    hangupAfterTurns: z.number().int().min(1).max(100).optional(),
  }),
  expect: Expectations.default({}),
  /**
   * A known misbehaviour of the product: the scenario still runs and is reported, but as SKIP with
   * this reason instead of failing the run. Kept honest: the expectations stay what a caller needs.
   */
  skip: z.string().min(1).optional(),
});
export type Scenario = z.infer<typeof Scenario>;

/** A scenario as loaded, with where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  file: string;
}

/** Loads scenarios from files and folders (recursively: *.yaml, *.yml, *.json); throws naming the file and field of any error. */
export function loadScenarios(paths: string[]): LoadedScenario[] {
  const files = paths.flatMap((p) => filesOf(p));
  const out: LoadedScenario[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const doc: unknown = file.endsWith('.json') ? JSON.parse(text) : parse(text, { merge: true });
    const items = Array.isArray(doc) ? doc : [doc];
    items.forEach((item, i) => {
      const r = Scenario.safeParse(item);
      if (!r.success) {
        const where = `${file}${items.length > 1 ? ` [${i}]` : ''}${(item as { name?: string })?.name ? ` (${(item as { name: string }).name})` : ''}`;
        throw new Error(
          `invalid scenario ${where}:\n${r.error.issues.map((x) => `  ${x.path.join('.')}: ${x.message}`).join('\n')}`,
        );
      }
      out.push({ scenario: r.data, file });
    });
  }
  const seen = new Set<string>();
  for (const { scenario, file } of out) {
    if (seen.has(scenario.name)) throw new Error(`duplicate scenario name ${scenario.name} (${file})`);
    seen.add(scenario.name);
  }
  return out;
}

function filesOf(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((f) => {
      const full = join(p, f);
      if (statSync(full).isDirectory()) return filesOf(full);
      return /\.(ya?ml|json)$/i.test(f) ? [full] : [];
    });
}
