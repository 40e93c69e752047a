/** Email addresses written ("maria@example.com") or spoken ("maria dot lopez at gmail dot com"). */

const WRITTEN = /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+/;
/** One label of a domain: a word ("gmail") or letters spelled one by one ("c-a", "c a", "s-h-a-w"). */
const LABEL = '(?:[a-z0-9](?:(?:\\s*-\\s*|\\s+)[a-z0-9](?![a-z0-9]))+|[a-z0-9-]+)';
/** A dot said as a word, or written with nothing around it: "10. he" is a sentence ending, not a domain. */
const SPOKEN_DOMAIN = new RegExp(`^(.*?)\\s+(?:at|@)\\s+(${LABEL}(?:(?:\\s*\\bdot\\b\\s*|\\.(?!\\s))${LABEL})+)`);
/** Letters spelled one by one, with hyphens or spaces between them ("t-o-m-b", "c a"). */
const LETTERS = /^[a-z0-9](?:[\s-]+[a-z0-9])+$/;
/** Domains people use, and any country's two letters ("shaw.ca", "eircom.ie", "bigpond.com.au"). */
const TLD = /\.(?:com|net|org|edu|gov|info|biz|app|dev|online|email|live|xyz|[a-z]{2})$/;
const STOP = new Set([
  'is',
  'my',
  'email',
  'e-mail',
  'address',
  "it's",
  'its',
  'it',
  'the',
  'me',
  'at',
  'sure',
  'yes',
  'yeah',
  'so',
  'and',
  'use',
  'reach',
  'send',
  'to',
  'oh',
  'ok',
  'okay',
  'um',
]);

const HESITATION = new Set(['uh', 'um', 'umm', 'er', 'erm', 'hmm']);

/** Finds an email address in lower-cased text; undefined when none. */
export function findEmail(text: string): { email: string; start: number; end: number } | undefined {
  const w = WRITTEN.exec(text);
  if (w) return { email: w[0].replace(/\.$/, ''), start: w.index, end: w.index + w[0].length };
  const m = SPOKEN_DOMAIN.exec(text);
  if (!m) return undefined;
  const said = spokenDomain(m[2]);
  if (!said) return undefined;
  const tokens = [...m[1].matchAll(/\S+/g)];
  const words = tokens.map((t) => t[0]);
  const local: string[] = [];
  let first = 0;
  for (let i = words.length - 1; i >= 0 && local.length < 8; i--) {
    const t = words[i].replace(/[,:]$/, '');
    // hesitations are not letters of the address: "sam dot chen, um, at…", "chen like, at…"
    if (HESITATION.has(t) || (t === 'like' && (i === words.length - 1 || words[i] !== t))) continue;
    if (STOP.has(t)) break;
    // letters spelled with hyphens are one word ("T-O-M-B", "M-A-R-Y dash ann"); a hyphen in a word is kept
    local.unshift(LETTERS.test(t) ? t.replace(/-/g, '') : t);
    first = i;
  }
  if (!local.length) return undefined;
  const user = local
    .join(' ')
    .replace(/\s*\bdot\b\s*/g, '.')
    .replace(/\s*\b(underscore|under score)\b\s*/g, '_')
    .replace(/\s*\b(dash|hyphen)\b\s*/g, '-')
    .replace(/\s+/g, '');
  if (!/^[a-z0-9][a-z0-9._+-]*$/.test(user)) return undefined;
  // where the address starts, not where its first word was said before ("my name is priya …, priya dot raman at …")
  const start = m.index + (tokens[first].index ?? 0);
  return { email: `${user}@${said.domain}`, start, end: m.index + m[0].length - (m[2].length - said.length) };
}

/**
 * The domain as written ("shaw dot c-a" → "shaw.ca", "yahoo dot co dot uk" → "yahoo.co.uk") and how much of what
 * was said it takes: single letters after the last dot that make no domain are the caller's next words ("… dot
 * c a i think" → "shaw.ca"). Undefined when no known ending is said.
 */
function spokenDomain(said: string): { domain: string; length: number } | undefined {
  for (let s = said; ; s = s.slice(0, -2)) {
    const domain = s
      .split(/\s*(?:\bdot\b|\.)\s*/)
      .map((label) => (LETTERS.test(label) ? label.replace(/[\s-]+/g, '') : label))
      .join('.');
    if (TLD.test(domain)) return { domain, length: s.length };
    if (!/\s[a-z0-9]$/.test(s)) return undefined;
  }
}
