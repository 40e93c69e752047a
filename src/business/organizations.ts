import type { Queryable } from '../db/index.js';
import { schema } from '../db/index.js';
import { newToken } from '../lib/index.js';
import { TEMPLATES, templateFor } from './templates.js';

/** What a new organization starts from. */
export interface NewOrganization {
  name: string;
  timezone?: string;
  industry?: string;
  /** Copy the industry template's hours, services, emergency words and FAQ. */
  applyTemplate?: boolean;
  /** Where booking and emergency alerts go until the owner says otherwise (the sign-up email). */
  notifyEmail?: string;
}

/** Creates an organization with its configuration and agent documents (inside the caller's transaction). */
export async function createOrganization(q: Queryable, input: NewOrganization) {
  const industry = input.industry ?? 'other';
  const [org] = await q
    .insert(schema.organizations)
    .values({
      name: input.name,
      timezone: input.timezone ?? 'America/New_York',
      industry,
      chatKey: `pk_${newToken(12)}`,
      icsToken: newToken(24),
    })
    .returning();
  const tpl = input.applyTemplate ? templateFor(industry) : undefined;
  await q.insert(schema.businessConfigs).values({
    organizationId: org.id,
    hours: tpl?.hours ?? {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    },
    greeting: (tpl?.greeting ?? DEFAULT_GREETING).replace('{business}', input.name),
    emergencyKeywords: tpl?.emergencyKeywords ?? [],
    notifyEmail: input.notifyEmail?.trim().toLowerCase() || null,
  });
  await q.insert(schema.agents).values({ organizationId: org.id });
  if (tpl) {
    await q.insert(schema.services).values(tpl.services.map((s) => ({ ...s, organizationId: org.id })));
    if (tpl.knowledge.length)
      await q.insert(schema.knowledgeItems).values(tpl.knowledge.map((k) => ({ ...k, organizationId: org.id })));
  }
  return org;
}

const DEFAULT_GREETING = 'Thanks for calling {business}. How can I help you today?';

/**
 * True when `greeting` is the English opening line a new organization was given (the default or its
 * industry template's), not one the owner wrote: an agent set to another language greets in that
 * language instead of with it.
 */
export function isStarterGreeting(greeting: string | null | undefined, businessName: string): boolean {
  if (!greeting) return false;
  return [DEFAULT_GREETING, ...TEMPLATES.map((t) => t.greeting)].some(
    (g) => g.replace('{business}', businessName) === greeting,
  );
}
