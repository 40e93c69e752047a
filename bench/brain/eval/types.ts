/**
 * Shapes of the generated NLU corpus: single caller turns with the intent and slots they carry,
 * and whole calls played through the real Conversation. A generator is one file in generators/
 * whose default export is a `Generator`; run.ts finds it by itself.
 */
import type { Expecting } from '../../../src/brain/dialog.js';
import type { BusinessProfile, Lang } from '../../../src/brain/types.js';

/** What the dialog does with a turn; the label the corpus scores as "intent". */
export type Label =
  | 'book'
  | 'reschedule'
  | 'cancel'
  | 'check'
  | 'question'
  | 'message'
  | 'human'
  | 'goodbye'
  | 'emergency'
  | 'affirm'
  | 'deny'
  | 'inform'
  | 'unknown';

/** Slot types scored by exact match. Dates "YYYY-MM-DD", times "HH:mm" (local), choice = offered "HH:mm". */
export interface Slots {
  /** A street address (scored on the Spanish corpus). */
  address?: string;
  service?: string;
  date?: string;
  time?: string;
  name?: string;
  phone?: string;
  email?: string;
  staff?: string;
  /** Which offered time the turn chooses (only scored where offers were made). */
  choice?: string;
}

/** A business of the corpus, with a short key for reports. */
export interface EvalBusiness {
  key: string;
  profile: BusinessProfile;
  /** Local area code for generated phone numbers. */
  area: string;
}

/** One caller turn and what it means. */
export interface TurnCase {
  /** Failure class(es) of issue 10 this case exercises, e.g. "c2" or "spoken". */
  cls: string;
  business: EvalBusiness;
  /** Local "YYYY-MM-DDTHH:mm" of the call. */
  now: string;
  /** What the agent's last prompt asked for. */
  expecting: Expecting;
  /** Context the turn is heard in. */
  ctx?: { task?: 'book' | 'reschedule' | 'cancel'; offered?: string[]; offeredDate?: string; service?: string };
  text: string;
  intent: Label;
  slots: Slots;
  /** The language the turn is said in (absent: English); it is read as a call in that language reads it. */
  lang?: Lang;
}

/** A whole call: a scripted caller that answers what the agent asks, and the booking it must end with. */
export interface DialogCase {
  cls: string;
  business: EvalBusiness;
  now: string;
  callerPhone?: string;
  /** Existing appointments, local "YYYY-MM-DDTHH:mm" starts (to force alternatives). */
  existing?: Array<{ service: string; start: string }>;
  /** The booking engine's minimum notice, minutes. */
  minNoticeMin?: number;
  /** The first thing the caller says. */
  opening: string;
  /** What the caller answers when asked for each thing (consumed in order, the last repeats). */
  answers: Partial<Record<'service' | 'time' | 'name' | 'phone' | 'address', string[]>>;
  /** How the caller chooses among offered times; returns what they say and the time they mean. */
  onOffer?: (offered: Array<{ date: string; time: string }>) => {
    text: string;
    means?: { date: string; time: string };
  };
  /** Said at the read-back, in order, before the final yes (corrections, loose confirmations). */
  atReadback?: string[];
  /** The booking the caller ends up asking for (service name, local date and time). */
  expect: { service: string; date: string; time?: string };
}

/** A deterministic random source. */
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** A corpus generator: one file in generators/. */
export interface Generator {
  name: string;
  turns?(rng: Rng, business: EvalBusiness): TurnCase[];
  dialogs?(rng: Rng, business: EvalBusiness): DialogCase[];
}
