/**
 * Backchannels: the little acknowledgements people make while listening. Said over the agent they
 * mean "go on", not "stop", so they must not interrupt it.
 */
const BACKCHANNEL_WORDS = new Set([
  'mm',
  'mmm',
  'hmm',
  'mhm',
  'mm-hmm',
  'mmhmm',
  'uh-huh',
  'uhhuh',
  'uh',
  'huh',
  'um',
  'ok',
  'okay',
  'k',
  'right',
  'yeah',
  'yep',
  'yup',
  'sure',
  'alright',
  'all',
  'got',
  'it',
  'i',
  'see',
  'cool',
  'great',
  'fine',
]);

/** True when the text is only acknowledgement words (at most three), e.g. "mm-hmm", "okay", "right, right". */
export function isBackchannel(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 3) return false;
  return words.every((w) => BACKCHANNEL_WORDS.has(w));
}
