/** The opening line: a returning client's welcome, the business's greeting, and the recording notice in front. */
import { linesFor } from './lines/index.js';
import type { BusinessProfile, Lang } from './types.js';

/** What the caller hears first on a recorded call (their consent to go on), in English. */
export const RECORDING_NOTICE = linesFor('en').recordingNotice;

/** `greeting` with the recording notice (in the call's language) in front when this conversation is recorded. */
export function withRecordingNotice(
  business: Pick<BusinessProfile, 'recordsCalls'>,
  greeting: string,
  lang?: Lang,
): string {
  return business.recordsCalls ? `${linesFor(lang).recordingNotice} ${greeting}` : greeting;
}

/** The first name of a returning client (the caller ID's client), or undefined. */
export function firstNameOf(knownCaller?: { name: string } | null): string | undefined {
  return knownCaller?.name.trim().split(/\s+/)[0] || undefined;
}

/**
 * The greeting both engines open with (one definition): "Hi Dana, welcome back!" first when the
 * caller ID belongs to a returning client, then the business's own greeting (or the standard one).
 */
export function welcomeGreeting(
  business: Pick<BusinessProfile, 'greeting' | 'name' | 'languages'>,
  lang?: Lang,
  knownCaller?: { name: string } | null,
): string {
  const L = linesFor(lang);
  const first = firstNameOf(knownCaller);
  // the owner's greeting is written in the main language; a chat opened in another one (a Spanish page) is greeted in that
  const own = (lang ?? 'en') === (business.languages?.[0] ?? 'en') ? business.greeting : undefined;
  return (first ? `${L.welcomeBack(first)} ` : '') + (own ?? L.greeting(business.name));
}

/** The whole opening line: the welcome, `closed` (after-hours words) and "How can I help?" unless the greeting asks already, behind the recording notice. */
export function openingLine(
  business: Pick<BusinessProfile, 'greeting' | 'name' | 'recordsCalls' | 'languages'>,
  lang?: Lang,
  knownCaller?: { name: string } | null,
  closed = '',
): string {
  const greeting = welcomeGreeting(business, lang, knownCaller);
  const ask = /\?\s*$/.test(greeting) ? '' : linesFor(lang).howCanIHelp;
  return withRecordingNotice(business, `${greeting}${closed}${ask}`, lang);
}
