/**
 * The service each person of a party gets: "eye exams for me and my son" at an optician that lists an Adult and a
 * Children's Eye Exam is the adult one for the caller and the children's one for the son ("a haircut for me and one
 * for my son": Men's Cut, then Kids Cut). Variants are services that share the words of what they are.
 */
import type { ServiceInfo } from './types.js';

const CHILDISH =
  /\b(?:kids?'?s?|child(?:ren)?'?s?|junior|youth|teens?|boys?'?|girls?'?|under \d+s?|paediatric|pediatric)\b/i;
const WHO_WORDS =
  /\b(?:kids?'?s?|child(?:ren)?'?s?|junior|youth|teens?|boys?'?|girls?'?|paediatric|pediatric|adults?'?s?|men'?s|women'?s|ladies'?|gents'?|standard|regular)\b/gi;
const CHILD_RELATIVES = new Set([
  'son',
  'daughter',
  'child',
  'kid',
  'boy',
  'girl',
  'grandson',
  'granddaughter',
  'niece',
  'nephew',
]);

/** A service booked once for two or more ("Couples Massage", "Family Photo Session", "Duo Lesson"). */
const FOR_SEVERAL =
  /\b(?:couples?'?|duo|pairs?|partners?'?|two people|2 people|for (?:two|2)|joint|tandem|side[- ]by[- ]side|family)\b/i;

/** Whether one booking of `service` is the whole party's visit: "my husband and I… a couples massage together". */
export const servesParty = (service: ServiceInfo | undefined) =>
  !!service && [service.name, ...(service.synonyms ?? [])].some((n) => FOR_SEVERAL.test(n));

/** Whether a relative said back ("son", "wife") is a child, for the services a business lists by age. */
export const isChildRelative = (who: string) => CHILD_RELATIVES.has(who);

/** The variant of `service` for a child or an adult, when the business lists one; else the service itself. */
export function variantFor(services: ServiceInfo[], service: ServiceInfo, child: boolean): ServiceInfo {
  const isChild = (s: ServiceInfo) => CHILDISH.test(s.name);
  if (isChild(service) === child) return service;
  const core = (s: ServiceInfo) =>
    s.name
      .toLowerCase()
      .replace(WHO_WORDS, ' ')
      .split(/[^a-z-]+/)
      .filter((w) => w.length > 2);
  const words = new Set(core(service));
  return services.find((s) => s !== service && isChild(s) === child && core(s).some((w) => words.has(w))) ?? service;
}
