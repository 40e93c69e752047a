/**
 * Several people booked on one call: "a haircut for me and one for my son", "haircuts for me and my daughter at the
 * same time", "my wife and I". The caller's own visit comes first; each other person's is booked after it, right
 * after it or, when the caller says so, at the same time with someone else.
 */

/** The people a caller books beside themselves, as they are said back ("son", "wife"), and whether all at once. */
export interface Party {
  others: string[];
  together: boolean;
}

const RELATIONS =
  'son|daughter|lad|boy|girl|kid|child|wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|mum|mom|mother|dad|father|sister|brother|friend|mate|nan|gran|grandma|grandmother|grandad|grandpa|grandfather|niece|nephew|grandson|granddaughter';
/** How a relative is said back: "your son", not "your lad" (a caller's "mom" stays "mom"). */
export const RELATIVE_SAID_AS: Record<string, string> = {
  lad: 'son',
  'little guy': 'son',
  'little man': 'son',
  lass: 'daughter',
};

const PARTY = [
  // "for me and my daughter", "me and my son", "myself and my wife"
  new RegExp(`\\b(?:me|myself|i) and (?:my|our) (${RELATIONS})\\b`),
  // "my wife and I", "my son and me"
  new RegExp(`\\b(?:my|our) (${RELATIONS}) and (?:me|myself|i)\\b`),
  // "a haircut for me and one for my son"
  new RegExp(
    `\\bfor (?:me|myself)\\b[^.!?]{0,40}?\\b(?:and )?(?:one |another |a \\w+ )?for (?:my|our) (${RELATIONS})\\b`,
  ),
];

const TOGETHER = /\b(?:at the same time|same time|together|side by side|simultaneously|in and out together)\b/;

/** The others in the caller's party, when the turn books for the caller and someone else. */
export function findParty(text: string): Party | undefined {
  for (const re of PARTY) {
    const m = re.exec(text);
    if (m) return { others: [RELATIVE_SAID_AS[m[1]] ?? m[1]], together: TOGETHER.test(text) };
  }
  return undefined;
}
