/** Words said with a capital inside a sentence: languages and peoples ("English tutoring", "Swedish massage"). */
const PROPER = new Set(
  'english french spanish german italian portuguese swedish thai chinese mandarin cantonese japanese korean hindi arabic russian greek irish brazilian hawaiian indian latin dutch polish turkish vietnamese balinese moroccan'.split(
    ' ',
  ),
);

/**
 * A service's name as the agent says it inside a sentence: lower case ("your haircut is booked"), except the
 * letters of an abbreviation ("your MOT", "an AC tune-up") and a language or people ("English tutoring").
 */
export function spokenService(name: string): string {
  return name
    .split(/(\s+|-|\/)/)
    .map((w) =>
      (/^[A-Z0-9&]{2,}s?$/.test(w) && /[A-Z]/.test(w)) || (/^[A-Z]/.test(w) && PROPER.has(w.toLowerCase()))
        ? w
        : w.toLowerCase(),
    )
    .join('');
}
