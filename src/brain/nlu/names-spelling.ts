/** How callers spell names: "Katherine with a K", "S-I-O-B-H-A-N", "that's s i o b h a n", "Smyth with an i-t-h". */
import { NOT_NAME, ORDINARY } from './names-lexicon.js';

/**
 * What a caller says of the spelling of the word just said: "Katherine with a K", "Jon without the h", "Smith
 * with an i-t-h", "Ann with an e", "Phillip with two Ls", "Eric with a k, not a c".
 */
const SPELLING_HINT =
  /\b([a-z][a-z'-]+)\s*,?\s*(?:(?:spelled|spelt)\s+)?(with|without)\s+(?:(?:a|an|the|one)\s+([a-z](?:-[a-z])*)|(?:two|double)\s+([a-z])(?:'?s)?)(?![a-z0-9'])(?:\s*,?\s*(?:at the (?:end|start|beginning|front)|in the middle|(?:not|instead of) (?:a|an|the) [a-z]\b))?/g;

/** Letters a recogniser writes for one another when a name sounds the same (Catherine / Katherine, Smyth / Smith). */
const SOUND_ALIKE = ['ck', 'kc', 'cq', 'qc', 'kq', 'qk', 'sz', 'zs', 'cs', 'sc', 'iy', 'yi', 'jg', 'gj'];
const alike = (a: string, b: string) => a === b || SOUND_ALIKE.includes(a + b);

/**
 * The text with each spelling hint applied to the word before it and taken out: "catherine with a k" →
 * "katherine", "john without the h" → "jon", "smyth with an i-t-h" → "smith", "ann with an e" → "anne"; a word
 * that already has the letters stays as said. The hint is no company ("with a K") and no part of the name.
 */
export function withSpellingHints(text: string): string {
  return text.replace(SPELLING_HINT, (all: string, word: string, how: string, letters?: string, doubled?: string) => {
    if (NOT_NAME.has(word) || ORDINARY.has(word)) return all;
    if (doubled) return word.split(doubled).length === 2 ? word.replace(doubled, doubled + doubled) : word;
    const want = (letters ?? '').replace(/-/g, '');
    if (how === 'without') {
      const at = word.lastIndexOf(want);
      return at < 0 ? word : word.slice(0, at) + word.slice(at + want.length);
    }
    if (word.includes(want)) return word;
    for (let i = 0; i + want.length <= word.length; i++)
      if ([...want].every((c, j) => alike(word[i + j], c)))
        return word.slice(0, i) + want + word.slice(i + want.length);
    // "Ann with an e" is Anne, "Brooke with an e" Brooke: an e said is the one at the end
    return want === 'e' ? `${word}e` : word;
  });
}

/**
 * A word spelled out letter by letter ("Siobhan, S-I-O-B-H-A-N, Murphy", "N. G. A. T. A. I."): the letters are
 * the word, whatever the recogniser made of it just before; what was said around it reads on as one name
 * ("Siobhan Murphy").
 */
const SPELLED =
  /(?:\b([a-z][a-z']+(?:-[a-z][a-z']+)*)(\s*[,.]?\s*)(?:(?:spelled|spelt|that's|that is|as in)\s+)?)?\b([a-z](?:(?:\s*-\s*|\s+(?:dash|hyphen)\s+)[a-z]\b){2,}|[a-z](?:\s*\.\s*[a-z]\b){2,}|[a-z](?:(?:\s+(?:dash|hyphen))?\s+[a-z]\b){2,})(\s*,(?=\s*[a-z])|\s*\.(?=\s*[a-z][a-z'-]+\s*(?:[.!?]|$)))?/g;

/** Letters said one by one after "that's" or "spelled" ("shivon kelly that's s i o b h a n"). */
const SPELLED_AFTER =
  /[,\s]*\b(?:(?:that's|that is)\s+(?:spelled\s+|spelt\s+)?|(?:spelled|spelt)\s+)((?:[a-z]\s+){2,}[a-z])(?![a-z'-]|\s+[a-z](?![a-z'])|\s*(?:dash|hyphen)\b)/g;

/**
 * Letters said as a spelling after the name ("it's shivon kelly, that's s i o b h a n", "…spelled s i o b h a n
 * kelly") respell the nearest word said before them that starts with the same sound, and are taken out.
 */
function withLateSpellings(text: string): string {
  let out = text;
  for (const m of [...text.matchAll(SPELLED_AFTER)].reverse()) {
    const word = m[1].replace(/\s+/g, '');
    const before = out.slice(0, m.index);
    const words = [...before.matchAll(/[a-z][a-z'-]*/g)].slice(-4).reverse();
    const target = words.find((w) => !NOT_NAME.has(w[0]) && w[0].length > 1 && alike(w[0][0], word[0]));
    // the word right before is respelled as the other spellings are ("Siobhan, that's S I O B H A N, O'Brien")
    if (!target || target === words[0]) continue;
    const at = target.index ?? 0;
    out = before.slice(0, at) + word + before.slice(at + target[0].length) + out.slice((m.index ?? 0) + m[0].length);
  }
  return out;
}

/** The text with each spelling read as the word it spells ("A-N-N-E dash M-A-R-I-E" → "anne-marie"). */
export function withSpellingsRead(said: string): string {
  const text = withLateSpellings(said);
  return text.replace(SPELLED, (all: string, before: string | undefined, gap: string | undefined, seq: string) => {
    const word = seq
      .split(/\s+(?:dash|hyphen)\s+/)
      .map((part) => part.replace(/[^a-z]/g, ''))
      .join('-');
    // letters with spaces only ("b r o o k e s") may be initials or noise: a spelling only when they repeat
    // the word just said ("siobhan s i o b h a n")
    if (!/[-.]/.test(seq) && !(before && !NOT_NAME.has(before) && sameWord(before, word))) return all;
    // the word just before is the recogniser's try at the word spelled ("Shevaun, S-I-O-B-H-A-N"), unless it
    // is no name or starts otherwise ("my name is S-A-M", "it's Tama, N-G-A-T-A-I")
    if (!before) return word;
    // after a stop, the word before is another's unless the spelling repeats it ("Katherine. K-A-T-H-E-R-I-N-E.")
    if (gap?.includes('.') && !sameWord(before, word)) return `${before}${gap}${word}`;
    return NOT_NAME.has(before) || !alike(before[0], word[0]) ? `${before} ${word}` : word;
  });
}

/**
 * Two spellings of one word: one begins the other, or they start alike (the same letter or one that sounds the
 * same: Catherine / Katherine) and differ by about a third at most.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return alike(a[0], b[0]) && editDistance(a, b) <= Math.max(1, Math.floor(shorter / 3));
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}
