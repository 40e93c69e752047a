import { toSessionPort } from '../brain/index.js';
import { callTarget, type Receptionist } from '../conversations/index.js';
import type { Providers } from '../providers/index.js';
import { realtimeOptions, type StreamContext } from '../telephony/index.js';
import { activeCalls, callsEnded, observeCallEvent, observeTurn } from '../api/plugins/voice-metrics.js';
import { voiceForLanguage } from '../providers/index.js';
import {
  CallSession,
  HandoverEngine,
  RealtimeCallSession,
  resolveTiming,
  type CallEngine,
  type GreetingCache,
  type MediaSink,
  type SessionTiming,
} from '../voice/index.js';

/** What a call's voice session is assembled from. */
export interface CallEngineDeps {
  receptionist: Receptionist;
  providers: Providers;
  greetings: GreetingCache;
  /** Multiplies the deadlines that a starved CPU would miss (config VOICE_DEADLINE_SCALE; 1 in production). */
  deadlineScale?: number;
}

/** What the caller hears when the cascade takes over from a failed speech-to-speech model. */
const HANDOVER_LINE = 'Sorry, I lost you for a moment. Could you say that again?';

/** The session's provider deadlines stretched by `scale`; what the caller hears is otherwise unchanged. */
function deadlines(scale: number, maxCallMs: number): Partial<SessionTiming> {
  if (scale === 1) return { maxCallMs };
  const t = resolveTiming();
  return {
    maxCallMs,
    llmFirstMs: t.llmFirstMs * scale,
    llmIdleMs: t.llmIdleMs * scale,
    ttsFirstMs: t.ttsFirstMs * scale,
    markGraceMs: t.markGraceMs * scale,
    providerSilentMs: t.providerSilentMs * scale,
    sttSilentMs: t.sttSilentMs * scale,
  };
}

/**
 * The voice session of one call over a media sink: the cascade or realtime engine, recorded as it
 * happens. Shared by the phone (`channel: 'phone'`) and the dashboard's browser test call (`'test'`,
 * whose `from` is a person's label, not a phone number the brain could call back).
 */
export function createCallEngineFactory(deps: CallEngineDeps) {
  return function createEngine({ call, business, prewarmed }: StreamContext, sink: MediaSink): CallEngine {
    const target = callTarget(call);
    const recorder = deps.receptionist.recorder(target);
    const { providers } = deps;
    // The organization's own choices for this call; every fallback between them is on the record.
    const chosen = providers.forAgent(
      business.agent,
      (s) => void Promise.resolve(rec.onEvent('provider_fallback', { ...s })).catch(() => undefined),
    );
    recorder.setCostFlags({
      paidStt: !chosen.stt.label.startsWith('scripted'),
      paidTts: chosen.tts.label !== providers.offlineTts.label,
      paidLlm: Boolean(chosen.llm),
    });
    const voice = chosen.voice;
    void deps.receptionist.callStarted({
      organizationId: call.organizationId,
      callId: call.id,
      channel: call.channel,
      from: call.from,
      startedAt: call.startedAt,
    });
    const engine = call.engine ?? 'cascade';
    activeCalls.inc({ engine });
    let ended = false;
    // Resolves once the call's end is written (or given up by the recorder): see `closeAfterRecord` below.
    let endWritten!: () => void;
    const recordedEnd = new Promise<void>((r) => {
      endWritten = r;
    });
    const rec = {
      ...recorder,
      onTurn: (t: Parameters<typeof recorder.onTurn>[0]) => (observeTurn(engine, t), recorder.onTurn(t)),
      onEvent: (name: Parameters<typeof recorder.onEvent>[0], data?: Record<string, unknown>) => (
        observeCallEvent(name, data),
        recorder.onEvent(name, data)
      ),
      onEnd: (s: { reason: string; endedAt: Date }) => {
        if (!ended) {
          ended = true;
          activeCalls.dec({ engine });
          callsEnded.inc({ reason: s.reason, engine });
        }
        deps.providers.scriptBook.clear(call.id);
        const written = recorder.onEnd(s);
        void Promise.resolve(written).finally(endWritten);
        return written;
      },
    };
    const timing = deadlines(deps.deadlineScale ?? 1, business.config.maxCallMinutes * 60_000);
    const cascade = (opening?: string): CallEngine => {
      const { conversation } = deps.receptionist.start(target, business, { languageModel: chosen.llm });
      const port = toSessionPort(conversation);
      return new CallSession(
        sink,
        {
          conversation: opening ? { ...port, greet: () => opening } : port,
          providers: { stt: chosen.stt, tts: chosen.tts, fallbackTts: providers.offlineTts },
          recorder: rec,
          greetings: deps.greetings,
        },
        {
          callId: call.id,
          organizationId: call.organizationId,
          voice,
          timing,
          ...speechLanguages(business.profile.languages, voice),
        },
      );
    };
    if (call.engine === 'realtime' && providers.realtime) {
      const realtime = providers.realtime;
      const record = (e: { type: string }) => void rec.onEvent('brain', { ...e });
      if (prewarmed?.realtime) prewarmed.realtime.onEvent.fn = record;
      const brain = prewarmed?.realtime?.brain ?? deps.receptionist.realtimeBrain(target, business, record);
      // The model socket failing at the start or twice mid-call hands the call to the cascade engine.
      return closeAfterRecord(
        new HandoverEngine(
          (handover) =>
            new RealtimeCallSession(
              sink,
              {
                realtime,
                brain,
                recorder: rec,
                lineTts: providers.offlineTts,
                greetings: deps.greetings,
                preconnected: prewarmed?.realtime?.connecting,
                handover,
              },
              {
                callId: call.id,
                organizationId: call.organizationId,
                connect: realtimeOptions(deps, brain, business),
                timing,
              },
            ),
          (atStart) => cascade(atStart ? undefined : HANDOVER_LINE),
          rec,
          { from: realtime.label, to: 'cascade' },
        ),
        recordedEnd,
      );
    }
    return closeAfterRecord(cascade(), recordedEnd);
  };
}

/**
 * The engine whose `close()` resolves only once the call's end is on the record. A session ends
 * itself on the caller's `stop` (its own close, which awaits the model socket, then the end write);
 * the socket's close right after calls `close()` again, which returns at once. Whoever waits on that
 * second close — the drain, before the node stops and its database pool closes — must wait for the
 * end write too: the rolling-restart test found calls whose callers hung up normally marked
 * `interrupted` at the node's restart, because their completion was still in flight when it exited.
 */
function closeAfterRecord(engine: CallEngine, recordedEnd: Promise<void>, backstopMs = 15_000): CallEngine {
  const close = engine.close.bind(engine);
  engine.close = async (reason?: string) => {
    await close(reason);
    // A backstop for a session that never records its end (a hand-over cut short by the close): the
    // end normally follows within milliseconds, or waits in the recorder's buffer for the database.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      recordedEnd,
      new Promise<void>((r) => {
        timer = setTimeout(r, backstopMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  };
  return engine;
}

/**
 * What the cascade session hears and speaks in, from the business's languages (main first): the
 * recogniser's language (`es`, or `multi` — Deepgram's code-switching model — when the caller may
 * speak either), the main language of the session's own lines and a voice per language.
 */
export function speechLanguages(
  languages: string[] | undefined,
  voice: string | undefined,
): { language: string; sttLanguage?: string; voices: Record<string, string> } {
  const langs = languages?.length ? languages : ['en'];
  const voices: Record<string, string> = {};
  for (const l of langs) {
    const v = voiceForLanguage(voice, l);
    if (v) voices[l] = v;
  }
  const sttLanguage = langs.length > 1 ? 'multi' : langs[0] === 'en' ? undefined : langs[0];
  return { language: langs[0], ...(sttLanguage ? { sttLanguage } : {}), voices };
}
