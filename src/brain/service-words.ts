/**
 * A service's name as the agent says it inside a sentence: lower case ("your haircut is booked"), except the
 * letters of an abbreviation ("your MOT", "an AC tune-up", "a PRP facial").
 */
export function spokenService(name: string): string {
  return name
    .split(/(\s+|-|\/)/)
    .map((w) => (/^[A-Z0-9&]{2,}s?$/.test(w) && /[A-Z]/.test(w) ? w : w.toLowerCase()))
    .join('');
}
