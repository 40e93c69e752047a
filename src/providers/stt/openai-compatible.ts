/**
 * Speech-to-text against a self-hosted OpenAI-compatible server (speaches, faster-whisper-server,
 * vLLM's Whisper, or OpenAI itself): each utterance, endpointed here by a VAD, is posted as a 16 kHz
 * WAV to `POST {base}/audio/transcriptions` (multipart: `file`, `model`, `language`,
 * `response_format=json`) and comes back as one final. https://speaches.ai/usage/speech-to-text/
 * This lets a business run the whole cascade on its own hardware.
 */
import { writeWav } from '../../audio/index.js';
import { ProviderError, isAbort } from '../shared/errors.js';
import { ensureOk } from '../shared/http.js';
import { LocalModelSpeechToText, type UtteranceTranscriber } from './local-model.js';

/** Settings of a compatible transcription server. */
export interface OpenAiCompatibleSttConfig {
  /** e.g. `http://gpu-box:8000/v1` */
  baseUrl: string;
  model: string;
  apiKey?: string;
  language?: string;
  /** One utterance's transcription must come back within this (ms). */
  timeoutMs?: number;
  endpointMs?: number;
}

const LABEL = 'openai-compatible.stt';

/** Posts one utterance (16 kHz float samples) and returns its text. */
export function transcriptionClient(cfg: OpenAiCompatibleSttConfig): UtteranceTranscriber {
  return async (samples) => {
    const pcm = Int16Array.from(samples, (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32768))));
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(writeWav(pcm, 16000))], { type: 'audio/wav' }), 'utterance.wav');
    form.set('model', cfg.model);
    form.set('response_format', 'json');
    if (cfg.language) form.set('language', cfg.language);
    let res: Response;
    try {
      res = await fetch(`${cfg.baseUrl.replace(/\/$/, '')}/audio/transcriptions`, {
        method: 'POST',
        headers: cfg.apiKey ? { Authorization: `Bearer ${cfg.apiKey}` } : {},
        body: form,
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 4000),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError' || isAbort(e);
      throw new ProviderError(LABEL, timedOut ? 'transcription timed out' : (e as Error).message, {
        status: timedOut ? 408 : undefined,
        cause: e,
      });
    }
    await ensureOk(LABEL, res);
    const body = (await res.json().catch(() => ({}))) as { text?: unknown };
    if (typeof body.text !== 'string') throw new ProviderError(LABEL, 'response has no text', { retryable: false });
    return body.text;
  };
}

/** Utterance-endpointed STT over a compatible `/audio/transcriptions` endpoint. */
export function openAiCompatibleSpeechToText(cfg: OpenAiCompatibleSttConfig): LocalModelSpeechToText {
  return new LocalModelSpeechToText({
    label: LABEL,
    transcribe: transcriptionClient(cfg),
    endpointMs: cfg.endpointMs ?? 400,
  });
}
