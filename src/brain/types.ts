/** Plain typed shapes the brain works with: the business profile, replies and events. */

/** Industries whose emergency vocabulary and slot needs the brain knows. */
export type Industry = 'hvac' | 'plumbing' | 'electrical' | 'auto' | 'dental' | 'salon' | 'other';

/** Lead / escalation priority, highest first. */
export type Priority = 'URGENT' | 'HIGH' | 'NORMAL' | 'LOW';

/** Weekday keys used by opening hours, Monday first. */
export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours: weekday → list of ["HH:mm", "HH:mm"] intervals; a missing day is closed. */
export type OpeningHours = Partial<Record<WeekdayKey, Array<[string, string]>>>;

/** A bookable service as the caller may name it. */
export interface ServiceInfo {
  id?: string;
  name: string;
  durationMin: number;
  priceCents?: number;
  synonyms?: string[];
  /** Done at the customer's place, so the agent asks for the service address; absent: as the industry does. */
  onSite?: boolean;
}

/** A staff member (provider) and the services they perform. */
export interface StaffInfo {
  id?: string;
  name: string;
  services?: string[];
}

/** One knowledge-base entry the agent may answer from. */
export interface KnowledgeItem {
  q?: string;
  title?: string;
  a: string;
}

/** A business-specific emergency term. */
export interface EmergencyKeyword {
  term: string;
  priority: Priority;
  safety?: string;
}

/** What the agent does outside opening hours. */
export type AfterHoursPolicy = 'answer' | 'voicemail' | 'forward';

/** A language the agent speaks. */
export type Lang = 'en' | 'es';

/** Everything the brain needs to know about the business it answers for. */
export interface BusinessProfile {
  name: string;
  /** IANA time zone, e.g. "America/Chicago". */
  timezone: string;
  industry?: Industry;
  hours: OpeningHours;
  /** Closed dates, "YYYY-MM-DD" local. */
  holidays?: string[];
  services: ServiceInfo[];
  staff?: StaffInfo[];
  greeting?: string;
  /** E.164 number that receives live transfers and urgent escalations. */
  escalationNumber?: string;
  address?: string;
  /** Extra emergency words (plain strings are URGENT) on top of the industry's vocabulary. */
  emergencyKeywords?: Array<string | EmergencyKeyword>;
  knowledge?: KnowledgeItem[];
  afterHours?: AfterHoursPolicy;
  /**
   * Languages the agent speaks on this business's calls, the main one first (it greets in it);
   * with more than one, the caller's language is detected and the call switches. Absent: English.
   */
  languages?: Lang[];
  /** This conversation is recorded: the greeting opens with the recording notice. */
  recordsCalls?: boolean;
  /** Default region for phone parsing (ISO 3166 alpha-2), "US" when absent. */
  country?: string;
  /** How many days ahead the business takes bookings (its booking rules); unknown when absent. */
  maxDaysAhead?: number;
}

/** Something that happened during a turn, for the call record. */
export type BrainEvent =
  | { type: 'tool_start'; name: string }
  | { type: 'tool_call'; name: string; args: unknown; ok: boolean; result?: unknown; error?: string; ms: number }
  | { type: 'state'; from: string; to: string }
  | { type: 'understood'; intent: string | null; facts: string[] }
  | { type: 'llm_fallback'; reason: string }
  | { type: 'error'; reason: string };

/** The agent's answer to one caller turn. */
export interface Reply {
  /** The full text to speak or show. */
  text: string;
  /** The same text as sentence chunks, for streaming TTS. */
  chunks(): AsyncIterable<string>;
  events: BrainEvent[];
  /** True when the conversation is over and the call may end after this reply. */
  done: boolean;
  /** Set when the call should be transferred to this number after the reply is spoken. */
  transfer?: { to: string; reason: string };
  /** The statechart's state after this turn, e.g. "booking.confirming". */
  state: string;
  /** The language the reply is in (the call's language after this turn); absent: English. */
  language?: Lang;
}

/** One input from the caller. */
export type CallerInput = { text: string } | { dtmf: string } | { silence: true | number };
