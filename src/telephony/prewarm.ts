import type { CallRow } from '../calls/index.js';
import { callTarget, profileFor, type LoadedBusiness } from '../conversations/index.js';
import { linesFor, withRecordingNotice } from '../brain/index.js';
import type { RealtimeOpts, RealtimeSession } from '../providers/index.js';
import type { BrainEvent } from '../brain/index.js';
import type { TelephonyDeps } from './deps.js';

/** What the webhook prepared while the phone was ringing, for the stream's `start`. */
export interface Prewarmed {
  business: LoadedBusiness;
  /** Realtime engine: the model connection opened while ringing, and the brain whose tools it was given. */
  realtime?: {
    connecting: Promise<RealtimeSession>;
    brain: ReturnType<TelephonyDeps['receptionist']['realtimeBrain']>;
    onEvent: { fn?: (e: BrainEvent) => void };
  };
  expires: number;
}

/**
 * The voice engine a call of this business runs on, inbound or outbound alike: speech-to-speech when
 * the business chose it and this server has a realtime model, else the cascade.
 */
export function callEngineOf(
  business: Pick<LoadedBusiness, 'agent'>,
  providers: Pick<TelephonyDeps['providers'], 'realtime'>,
): 'cascade' | 'realtime' {
  return business.agent.engine === 'realtime' && providers.realtime ? 'realtime' : 'cascade';
}

const READY = new Map<string, Prewarmed>();
const TTL_MS = 60_000;

/**
 * Starts what can start while the phone rings: the business is already loaded, its greeting audio is
 * synthesized into the cache, and in realtime mode the model connection is opened.
 */
export function prewarm(deps: TelephonyDeps, call: CallRow, business: LoadedBusiness): void {
  const now = Date.now();
  for (const [k, v] of READY) if (v.expires < now) dropPrewarmed(k);
  // the same words the brain opens with, so the stream's first frames come from this cache
  const greeting = withRecordingNotice(
    profileFor(callTarget(call), business),
    business.profile.greeting ??
      `${linesFor(business.profile.languages?.[0]).greeting(business.org.name)}${linesFor(business.profile.languages?.[0]).howCanIHelp}`,
    business.profile.languages?.[0],
  );
  const chosen = deps.providers.forAgent(business.agent);
  const tts = call.engine === 'realtime' ? deps.providers.offlineTts : chosen.tts;
  void deps.greetings.warm(call.organizationId, tts, greeting, chosen.voice).catch(() => undefined);
  READY.set(call.id, {
    business,
    expires: now + TTL_MS,
    ...(call.engine === 'realtime' && deps.providers.realtime ? { realtime: openRealtime(deps, call, business) } : {}),
  });
}

/** Opens the speech-to-speech connection with the call's brain while the phone rings. */
function openRealtime(
  deps: TelephonyDeps,
  call: CallRow,
  business: LoadedBusiness,
): NonNullable<Prewarmed['realtime']> {
  const onEvent: { fn?: (e: BrainEvent) => void } = {};
  const brain = deps.receptionist.realtimeBrain(callTarget(call), business, (e) => onEvent.fn?.(e));
  const connecting = deps.providers.realtime!.connect(realtimeOptions(deps, brain, business));
  connecting.catch(() => undefined);
  return { connecting, brain, onEvent };
}

/**
 * The model connection's options for a business: its brain, its chosen voice when the engine speaks
 * it (else the engine's default) and its one language as a transcription hint (none when it speaks several).
 */
export function realtimeOptions(
  deps: Pick<TelephonyDeps, 'providers'>,
  brain: { instructions: string; tools: RealtimeOpts['tools'] },
  business: LoadedBusiness,
): RealtimeOpts {
  const voice = business.agent.voice;
  const speaks = deps.providers.realtime?.voices?.includes(voice) ?? false;
  // one language is a transcription hint; with several (auto) the model hears whichever the caller speaks
  const languages = business.profile.languages ?? ['en'];
  return {
    instructions: brain.instructions,
    tools: brain.tools,
    ...(speaks ? { voice } : {}),
    ...(languages.length === 1 ? { language: languages[0] } : {}),
  };
}

/** Lets go of what was prepared for a call whose stream will not start (closes its model connection). */
export function dropPrewarmed(callId: string): void {
  void takePrewarmed(callId)
    ?.realtime?.connecting.then((s) => s.close())
    .catch(() => undefined);
}

/** Takes what was prepared for a call (once). */
export function takePrewarmed(callId: string): Prewarmed | undefined {
  const p = READY.get(callId);
  READY.delete(callId);
  return p;
}
