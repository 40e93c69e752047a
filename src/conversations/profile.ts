import type { BusinessProfile, Lang } from '../brain/index.js';
import { isStarterGreeting, loadBusinessRecord, type BusinessRecord, type TestClock } from '../business/index.js';
import type { Db } from '../db/index.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { zoneCountry } from '../lib/index.js';

/** A business as a conversation runs with it: its configuration rows and the brain's view of them. */
export type LoadedBusiness = Pick<BusinessRecord, 'org' | 'config' | 'agent'> & {
  profile: BusinessProfile;
  /** The returning client behind this call's caller ID, when loaded for a call (they are greeted by name). */
  caller?: { clientId: string; name: string | null };
  /** A test organization's simulated clock (the simulator's), read when the business was loaded. */
  testClock?: TestClock | null;
};

/** The brain's view of a business: active services and staff, hours, knowledge, emergency words. */
/**
 * The languages of the agent's `language` setting, the main one first: a tag ("en-US", "es") is that
 * language alone, `auto` is English first with Spanish when the caller speaks it, a list ("es,en")
 * names them in order. Languages the brain does not speak are left out (English when none is left).
 */
export function agentLanguages(setting: string | null | undefined): Lang[] {
  const tags = (setting ?? 'en').toLowerCase() === 'auto' ? ['en', 'es'] : (setting ?? 'en').split(',');
  const out = [
    ...new Set(tags.map((t) => t.trim().slice(0, 2).toLowerCase()).filter((t): t is Lang => t === 'en' || t === 'es')),
  ];
  return out.length ? out : ['en'];
}

/**
 * The country the business dials from, for reading callers' numbers ("020 7946 0018" in London,
 * "8123 4567" in Singapore) and saying them back: its time zone's, else its escalation number's
 * country, else the US.
 */
export function businessCountry(timezone: string, numbers: Array<string | null | undefined>): string {
  const byZone = zoneCountry(timezone);
  if (byZone) return byZone;
  for (const n of numbers) {
    const country = n ? parsePhoneNumberFromString(n)?.country : undefined;
    if (country) return country;
  }
  return 'US';
}

export function toBusinessProfile({ org, config, services, staff, knowledge, agent }: BusinessRecord): BusinessProfile {
  const languages = agentLanguages(agent?.language);
  const activeServices = services.filter((s) => s.active);
  return {
    name: org.name,
    timezone: org.timezone,
    industry: org.industry as BusinessProfile['industry'],
    hours: config.hours,
    holidays: config.holidays,
    services: activeServices.map((s) => ({
      id: s.id,
      name: s.name,
      durationMin: s.durationMin,
      priceCents: s.priceCents ?? undefined,
      synonyms: s.synonyms,
      ...(s.onSite !== null ? { onSite: s.onSite } : {}),
    })),
    staff: staff
      .filter((s) => s.active)
      .map((s) => ({
        id: s.id,
        name: s.name,
        services: activeServices.filter((x) => s.serviceIds.includes(x.id)).map((x) => x.name),
      })),
    // the English starter line is not the greeting of an agent that speaks another language first
    greeting:
      (languages[0] !== 'en' && isStarterGreeting(config.greeting, org.name) ? undefined : config.greeting) ||
      undefined,
    escalationNumber: config.escalationNumber ?? undefined,
    address: config.address ?? undefined,
    emergencyKeywords: config.emergencyKeywords.map((k) => ({ term: k.phrase, priority: k.priority })),
    knowledge: knowledge.map((k) => ({ q: k.question ?? undefined, title: k.title ?? undefined, a: k.body })),
    afterHours: config.afterHours,
    languages,
    country: businessCountry(org.timezone, [config.escalationNumber, config.notifyPhone]),
    maxDaysAhead: config.maxDaysAhead,
  };
}

/** Loads one business for a conversation (404 `NOT_FOUND` when the organization does not exist). */
export async function loadBusiness(db: Db, organizationId: string): Promise<LoadedBusiness> {
  const record = await loadBusinessRecord(db, organizationId);
  return { org: record.org, config: record.config, agent: record.agent, profile: toBusinessProfile(record) };
}
