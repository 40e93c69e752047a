/** Timing knobs of a call session, with the reasoning behind each default. */
export interface SessionTiming {
  /** Voiced time before we believe the caller started talking (one-frame clicks are not speech). */
  vadOnsetMs: number;
  /** Unvoiced time before local VAD calls the utterance over. */
  vadHangoverMs: number;
  /** Caller speech over the agent must last this long to interrupt; "mm-hmm" is ~300–450 ms. */
  bargeInMs: number;
  /** Brain's first reply part; past this the caller hears an apology (keeps silence under 2 s). */
  llmFirstMs: number;
  /** Between reply parts while no tool is running. */
  llmIdleMs: number;
  /** TTS first chunk before falling back to the offline voice. */
  ttsFirstMs: number;
  /** A tool running longer than this gets a filler line (people notice dead air at ~1 s). */
  fillerMs: number;
  /** Silence after the agent finished before a re-prompt (and again before goodbye). */
  silenceMs: number;
  maxCallMs: number;
  /**
   * A provider socket (STT, realtime model) that says nothing this long after the caller spoke, while
   * the caller's audio keeps flowing, is treated as dead (it may still answer pings).
   */
  providerSilentMs: number;
  /**
   * The same for the cascade's speech-to-text socket, which reacts to speech within a few hundred ms
   * (its "speech started", interim words, the final after its endpointing): past this the caller
   * hears a line and the recogniser is replaced, so dead air stays well under 3 s.
   */
  sttSilentMs: number;
  /** Pause between key presses that ends a DTMF entry. */
  dtmfGapMs: number;
  /** How long past the expected end of playout we wait for Twilio's mark before moving on. */
  markGraceMs: number;
}

/** Defaults merged with overrides. */
export function resolveTiming(o: Partial<SessionTiming> = {}): SessionTiming {
  return {
    vadOnsetMs: 60,
    vadHangoverMs: 300,
    bargeInMs: 500,
    llmFirstMs: 1500,
    llmIdleMs: 8000,
    ttsFirstMs: 1000,
    fillerMs: 700,
    silenceMs: 8000,
    maxCallMs: 15 * 60_000,
    dtmfGapMs: 1200,
    providerSilentMs: 2500,
    sttSilentMs: 1500,
    markGraceMs: 1500,
    ...o,
  };
}
