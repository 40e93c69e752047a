/** Email addresses written ("maria@example.com") or spoken ("maria dot lopez at gmail dot com"). */

const WRITTEN = /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+/;
const SPOKEN_DOMAIN = /^(.*?)\s+(?:at|@)\s+([a-z0-9-]+(?:\s*(?:dot|\.)\s*[a-z0-9-]+)+)/;
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
  const domain = m[2].replace(/\s*(?:dot|\.)\s*/g, '.').replace(/\s+/g, '');
  if (!/\.(com|net|org|edu|gov|io|co|us|ca|uk|info|biz|me|app|dev)$/.test(domain)) return undefined;
  const tokens = [...m[1].matchAll(/\S+/g)];
  const words = tokens.map((t) => t[0]);
  const local: string[] = [];
  let first = 0;
  for (let i = words.length - 1; i >= 0 && local.length < 8; i--) {
    const t = words[i].replace(/[,:]$/, '');
    // hesitations are not letters of the address: "sam dot chen, um, at…", "chen like, at…"
    if (HESITATION.has(t) || (t === 'like' && (i === words.length - 1 || words[i] !== t))) continue;
    if (STOP.has(t)) break;
    local.unshift(t);
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
  return { email: `${user}@${domain}`, start, end: m.index + m[0].length };
}
