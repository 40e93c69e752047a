/**
 * The narrow ports a call session talks through. The brain, the call records and the phone line are
 * all behind these; the reply vocabulary is the brain's own type (voice/ sits above brain/).
 */

import type { UlawAudio } from '../audio/index.js';
import type { SessionInput, SessionReplyPart } from '../brain/index.js';

/**
 * Phone audio in and out of a session: μ-law 8 kHz as an opaque value (audio/ulaw-audio). The edges
 * (telephony's Media Streams bridge, which the browser test call shares) turn it into and out of
 * their wire's base64; the session only reads samples from it or passes it along.
 */
export type PhoneAudio = UlawAudio;

/** What the caller did, as the brain sees it: one definition, the brain's (brain/channel.ts). */
export type CallerInput = SessionInput;

/** One piece of the agent's reply, streamed while the brain is still working: one definition, the brain's. */
export type ReplyPart = SessionReplyPart;

/** The conversation brain as the call session uses it. */
export interface ConversationPort {
  /** The opening line (the session may have its audio cached already). */
  greet(): Promise<string> | string;
  /** Handles caller input; yields reply parts as they are produced. Must stop when `signal` aborts. */
  handle(input: CallerInput, signal: AbortSignal): AsyncIterable<ReplyPart>;
  /** Tells the brain how much of its last reply the caller heard before interrupting. */
  interrupted?(heardText: string): void;
}

/** Tools and instructions for the speech-to-speech engine (the brain's tools, without its dialog). */
export interface RealtimeBrainPort {
  instructions: string;
  greeting(): Promise<string> | string;
  tools: Array<{ name: string; description: string; parameters: Record<string, unknown> }>;
  /** Runs a tool; the string goes back to the model as the tool output. */
  callTool(name: string, argsJson: string, signal: AbortSignal): Promise<string>;
}

/** A completed agent turn with its timings (ms; null when not applicable). */
export interface TurnRecord {
  index: number;
  callerText: string;
  agentText: string;
  /** End of caller speech → final transcript. */
  asrMs: number | null;
  /** Transcript → first reply text from the brain. */
  llmMs: number | null;
  /** First sentence submitted → first audio from TTS. */
  ttsMs: number | null;
  /** End of caller speech → first agent audio frame sent to the phone line. */
  e2eMs: number | null;
  interrupted: boolean;
  /** What the caller actually heard (all of agentText unless interrupted). */
  heardText: string;
}

/** Named things that happened in a call (closed vocabulary, recorded as call events). */
export type CallEventName =
  | 'greeting_sent'
  | 'barge_in'
  | 'backchannel'
  | 'filler'
  | 'silence_reprompt'
  | 'silence_hangup'
  | 'dtmf'
  | 'max_duration'
  | 'node_shutdown'
  | 'provider_fallback'
  | 'provider_failure'
  | 'message_taken'
  | 'transfer'
  | 'hangup'
  | 'brain';

/** Where a session writes what happens; the lead engineer implements it over the database. */
export interface CallRecorder {
  onStart(info: {
    callId: string;
    organizationId: string;
    engine: 'cascade' | 'realtime';
    startedAt: Date;
  }): void | Promise<void>;
  onTurn(turn: TurnRecord): void | Promise<void>;
  onEvent(name: CallEventName, data?: Record<string, unknown>): void | Promise<void>;
  onEnd(summary: { reason: string; durationMs: number; turns: number; endedAt: Date }): void | Promise<void>;
}

/** The phone line as the session sees it (implemented over the Media Streams connection). */
export interface MediaSink {
  /** Sends 20 ms of audio to be played to the caller. */
  sendMedia(frame: PhoneAudio): void;
  sendMark(name: string): void;
  sendClear(): void;
  /** Ends the stream (Twilio then continues the TwiML, which hangs up). */
  hangup(reason: string): void;
}

/** What the telephony edge drives: the same shape for both engines. */
export interface CallEngine {
  start(): Promise<void>;
  /** 20 ms of caller audio, with the line's media timestamp. */
  onMedia(frame: PhoneAudio, timestampMs?: number): void;
  onMark(name: string): void;
  onDtmf(digit: string): void;
  onStop(): void;
  /** Ends the session and releases providers (idempotent). */
  close(reason?: string): Promise<void>;
  /** Says a goodbye and hangs up: the node is stopping and this call ran past the drain limit. */
  wrapUp(): void;
}
