/**
 * STT over a local, operator-supplied model file (no network). Utterances are cut with a VAD,
 * upsampled 8 → 16 kHz (what Whisper-family models expect) and handed to a transcriber.
 * `sherpaOnnxTranscriber` binds the transcriber to `sherpa-onnx-node`, which installs from npm but
 * ships no model: the operator downloads one (e.g. a Whisper tiny.en ONNX export) and points at it.
 * The package is loaded only when configured; it is not a dependency of this project.
 */
import { createRequire } from 'node:module';
import { energyVad, resample, type FrameVad } from '../../audio/index.js';
import { AsyncQueue } from '../shared/async-queue.js';
import { ProviderError } from '../shared/errors.js';
import type { AudioFrame, SpeechToText, SttEvent, SttOpen, SttStream } from '../types.js';

/** Turns one utterance (16 kHz mono, −1…1) into text. */
export type UtteranceTranscriber = (samples16k: Float32Array) => Promise<string>;

/** Local-model STT settings. */
export interface LocalModelSttConfig {
  transcribe: UtteranceTranscriber;
  /** Provider label (default `local-model.stt`). */
  label?: string;
  endpointMs?: number;
  minSpeechMs?: number;
  /** Longest utterance kept (older audio is cut), bounding memory and model time. */
  maxUtteranceMs?: number;
  vad?: () => FrameVad;
}

/** STT that runs a local model per utterance. */
export class LocalModelSpeechToText implements SpeechToText {
  readonly label: string;
  readonly caps = { interim: false, endpointing: true };
  constructor(private readonly cfg: LocalModelSttConfig) {
    this.label = cfg.label ?? 'local-model.stt';
  }

  open(o: SttOpen): SttStream {
    const q = new AsyncQueue<SttEvent>();
    const vad = (this.cfg.vad ?? (() => energyVad()))();
    const endpointMs = this.cfg.endpointMs ?? 300;
    const minSpeechMs = this.cfg.minSpeechMs ?? 100;
    const maxSamples = ((this.cfg.maxUtteranceMs ?? 15_000) * o.sampleRate) / 1000;
    let chunks: Int16Array[] = [];
    let samples = 0;
    let speechMs = 0;
    let silenceMs = 0;
    let inSpeech = false;
    const flush = () => {
      const pcm = new Int16Array(samples);
      let off = 0;
      for (const c of chunks) {
        pcm.set(c, off);
        off += c.length;
      }
      const enough = speechMs >= minSpeechMs;
      chunks = [];
      samples = speechMs = silenceMs = 0;
      inSpeech = false;
      if (!enough) return;
      const up = resample(pcm, o.sampleRate, 16000);
      const f32 = Float32Array.from(up, (s) => s / 32768);
      this.cfg.transcribe(f32).then(
        (text) => q.push({ type: 'final', text: text.trim(), endOfSpeech: true }),
        (e) =>
          q.push({
            type: 'error',
            error:
              e instanceof ProviderError
                ? e
                : new ProviderError(this.label, (e as Error).message, { retryable: false }),
          }),
      );
    };
    return {
      push(frame: AudioFrame) {
        const ms = (frame.pcm.length * 1000) / frame.sampleRate;
        const voiced = vad.isSpeech(frame.pcm);
        if (voiced && !inSpeech) {
          inSpeech = true;
          q.push({ type: 'speechStarted' });
        }
        if (!inSpeech) return;
        chunks.push(frame.pcm.slice());
        samples += frame.pcm.length;
        while (samples > maxSamples && chunks.length > 1) samples -= chunks.shift()!.length;
        if (voiced) {
          speechMs += ms;
          silenceMs = 0;
        } else if ((silenceMs += ms) >= endpointMs) flush();
      },
      finalize() {
        if (inSpeech) flush();
      },
      close: async () => {
        vad.dispose();
        q.end();
      },
      [Symbol.asyncIterator]: () => q[Symbol.asyncIterator](),
    };
  }
}

/** Paths of a sherpa-onnx Whisper model (encoder, decoder, tokens). */
export interface SherpaWhisperModel {
  encoder: string;
  decoder: string;
  tokens: string;
  numThreads?: number;
}

/**
 * A transcriber over `sherpa-onnx-node` (install it and download a model first). Decoding runs on the
 * library's async path so the event loop keeps pacing other calls.
 */
export function sherpaOnnxTranscriber(model: SherpaWhisperModel): UtteranceTranscriber {
  let recognizer: {
    createStream(): { acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void };
    decodeAsync(s: unknown): Promise<{ text?: string }>;
  } | null = null;
  return async (samples) => {
    if (!recognizer) {
      let sherpa: { OfflineRecognizer: new (c: unknown) => NonNullable<typeof recognizer> };
      try {
        sherpa = createRequire(import.meta.url)('sherpa-onnx-node');
      } catch {
        throw new ProviderError(
          'local-model.stt',
          'sherpa-onnx-node is not installed (npm install sherpa-onnx-node, then download a model)',
          { retryable: false },
        );
      }
      recognizer = new sherpa.OfflineRecognizer({
        featConfig: { sampleRate: 16000, featureDim: 80 },
        modelConfig: {
          whisper: { encoder: model.encoder, decoder: model.decoder },
          tokens: model.tokens,
          numThreads: model.numThreads ?? 1,
          provider: 'cpu',
        },
      });
    }
    const stream = recognizer.createStream();
    stream.acceptWaveform({ samples, sampleRate: 16000 });
    return (await recognizer.decodeAsync(stream)).text ?? '';
  };
}
