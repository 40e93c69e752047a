/**
 * Staff asked for by what they are rather than by name ("the male dentist", "I'd prefer a woman", "with Rachel,
 * not the locum"), where the owner's FAQ says who is what: "Dr. Michael Chen is our male dentist", "Do you have
 * female massage therapists? Yes — Julie and Sophie. Marc-Andre is our male therapist.", "James is our locum
 * optometrist". Nothing is guessed from names: without such an entry the words name nobody.
 */
import { oncePer } from '../../lib/index.js';
import type { BusinessProfile } from '../types.js';

/** The kinds a caller asks for, each with the words that say it. */
const KINDS: Record<string, RegExp> = {
  female: /\b(?:female|woman|women|lady|ladies)\b/,
  male: /\b(?:male|man|men|gentleman|gentlemen|guy)\b/,
  locum: /\blocums?\b/,
  resident: /\b(?:resident|regular|usual|permanent)\b/,
  senior: /\bsenior\b/,
  junior: /\b(?:junior|trainee|student)\b/,
};

/** How a caller asks for a kind: "a female doctor", "the male dentist", "prefer a woman", "not the locum". */
const ASKED = new RegExp(
  String.raw`\b(?:(not|n't|rather not|anyone but|other than|instead of) (?:have |see |get |with )?)?(?:a|an|the|our|your|one of your|with a|with the) ((?:female|woman|lady|male|man|gentleman|guy|locum|resident|regular|usual|permanent|senior|junior|trainee))\b(?! (?:of|in|on|at|who)\b)`,
  'g',
);

export interface StaffKindWish {
  /** The one staff member of the kind asked for. */
  staff?: string;
  /** The one staff member not of it (several are of the kind asked for), or the one ruled out ("not the locum"). */
  avoid?: string;
}

/**
 * A reader of kinds of staff for one business, from its FAQ (built once per loaded business); null when the FAQ says
 * nothing of them.
 */
export const staffKinds = oncePer(readerOfKinds);

function readerOfKinds(business: BusinessProfile): ((text: string) => StaffKindWish | undefined) | null {
  const staff = business.staff ?? [];
  if (staff.length < 2 || !business.knowledge?.length) return null;
  const kinds = new Map<string, Set<string>>();
  const named = (sentence: string) =>
    staff.filter((s) => {
      return new RegExp(`\\b${escape(firstName(s.name).toLowerCase())}\\b`).test(sentence);
    });
  for (const entry of business.knowledge) {
    const asked = Object.keys(KINDS).filter((k) => KINDS[k].test((entry.q ?? '').toLowerCase()));
    entry.a
      .toLowerCase()
      .split(/[.;!?]|\s[—–-]\s/)
      .forEach((sentence, i) => {
        const who = named(sentence);
        if (!who.length) return;
        const said = Object.keys(KINDS).filter((k) => KINDS[k].test(sentence));
        // "Yes — Julie and Sophie": the answer to the question's own kind
        const of = said.length ? said : i <= 1 ? asked : [];
        for (const k of of) for (const w of who) (kinds.get(k) ?? kinds.set(k, new Set()).get(k)!).add(w.name);
      });
  }
  if (!kinds.size) return null;
  return (text) => {
    for (const m of text.toLowerCase().matchAll(ASKED)) {
      const kind = Object.keys(KINDS).find((k) => KINDS[k].test(m[2]));
      const members = kind ? [...(kinds.get(kind) ?? [])] : [];
      if (!members.length) continue;
      const others = staff.map((s) => s.name).filter((n) => !members.includes(n));
      if (m[1]) return members.length === 1 ? { avoid: members[0] } : undefined;
      if (members.length === 1) return { staff: members[0] };
      return others.length === 1 ? { avoid: others[0] } : undefined;
    }
    return undefined;
  };
}

/** "a girl whose name starts with S", "his name began with a J", "name beginning with the letter M" (not "my name…"). */
const INITIAL =
  /(?<!\b(?:my|our|your) )\bname (?:starts|started|begins|began|starting|beginning) with (?:an? |the letter )?(?:"|')?([a-z])\b(?!')/;

/**
 * The one staff member whose first name starts with the letter a caller remembers ("last time a girl whose name
 * starts with S did my colour"), among those who do `service` when it is known. Several (or none) name nobody.
 */
export function staffByInitial(business: BusinessProfile, text: string, service?: string): string | undefined {
  const letter = INITIAL.exec(text.toLowerCase())?.[1];
  if (!letter) return undefined;
  const does = (s: { services?: string[] }) =>
    !service || !s.services?.length || s.services.some((n) => n.toLowerCase() === service.toLowerCase());
  const who = (business.staff ?? []).filter((s) => firstName(s.name).toLowerCase().startsWith(letter) && does(s));
  return who.length === 1 ? who[0].name : undefined;
}

/** A staff member's own first name, without a title ("Dr. Priya Nair" → "Priya"). */
function firstName(name: string): string {
  return name.replace(/^(?:dr|mr|mrs|ms|miss)\.?\s+/i, '').split(/\s+/)[0];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
