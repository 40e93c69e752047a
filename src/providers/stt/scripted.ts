/**
 * Scripted STT for tests and the call simulator: no model, the words come from a side channel.
 * The caller's audio is still real; an energy VAD finds each utterance, and when one ends the stream
 * emits the next text queued for that call in the ScriptBook. So a simulator can play any audio
 * (flite speech, tones) and say what each utterance means.
 */
import { energyVad } from '../../audio/index.js';
import { AsyncQueue } from '../shared/async-queue.js';
import type { AudioFrame, SpeechToText, SttEvent, SttOpen, SttStream } from '../types.js';

/** Per-call queues of the texts that the caller's next utterances carry. */
export class ScriptBook {
  private readonly byCall = new Map<string, string[]>();

  /** Queues texts for the call's next utterances, in order. */
  say(callId: string, ...texts: string[]): void {
    const q = this.byCall.get(callId) ?? [];
    q.push(...texts);
    this.byCall.set(callId, q);
  }

  /** Takes the next text for the call ('' when the script has none). */
  next(callId: string): string {
    return this.byCall.get(callId)?.shift() ?? '';
  }

  /** Forgets a call. */
  clear(callId: string): void {
    this.byCall.delete(callId);
  }
}

/** Scripted STT settings. */
export interface ScriptedSttConfig {
  /** Silence that ends an utterance (the "provider endpointing"). */
  endpointMs?: number;
  /** Utterances shorter than this are noise and consume no script line. */
  minSpeechMs?: number;
}

/** STT whose transcripts come from a ScriptBook. */
export class ScriptedSpeechToText implements SpeechToText {
  readonly label = 'scripted.stt';
  readonly caps = { interim: false, endpointing: true };

  constructor(
    readonly book: ScriptBook,
    private readonly cfg: ScriptedSttConfig = {},
  ) {}

  open(o: SttOpen): SttStream {
    const q = new AsyncQueue<SttEvent>();
    const vad = energyVad();
    const endpointMs = this.cfg.endpointMs ?? 200;
    const minSpeechMs = this.cfg.minSpeechMs ?? 60;
    let speechMs = 0;
    let silenceMs = 0;
    let inSpeech = false;
    const emitFinal = () => {
      if (speechMs >= minSpeechMs) q.push({ type: 'final', text: this.book.next(o.callId), endOfSpeech: true });
      inSpeech = false;
      speechMs = 0;
      silenceMs = 0;
    };
    return {
      push(frame: AudioFrame) {
        const ms = (frame.pcm.length * 1000) / frame.sampleRate;
        if (vad.isSpeech(frame.pcm)) {
          if (!inSpeech) q.push({ type: 'speechStarted' });
          inSpeech = true;
          speechMs += ms;
          silenceMs = 0;
        } else if (inSpeech) {
          silenceMs += ms;
          if (silenceMs >= endpointMs) emitFinal();
        }
      },
      finalize() {
        if (inSpeech) emitFinal();
      },
      close: async () => q.end(),
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
    };
  }
}
