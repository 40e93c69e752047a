/**
 * Chooses provider implementations from configuration. With no keys everything is local:
 * scripted STT (there is no offline 8 kHz ASR model on npm or Debian), Flite TTS, no LLM
 * (the offline brain answers), no realtime engine.
 */
import { DeepgramSpeechToText } from './stt/deepgram.js';
import { LocalModelSpeechToText, sherpaOnnxTranscriber, type SherpaWhisperModel } from './stt/local-model.js';
import { ScriptBook, ScriptedSpeechToText } from './stt/scripted.js';
import { openAiCompatibleSpeechToText } from './stt/openai-compatible.js';
import { FliteTextToSpeech } from './tts/offline-flite.js';
import { DeepgramAuraTextToSpeech } from './tts/deepgram-aura.js';
import { OpenAiTextToSpeech } from './tts/openai.js';
import { OpenAiRealtimeTextToSpeech } from './tts/openai-realtime-tts.js';
import { FallbackTextToSpeech } from './tts/fallback.js';
import { OpenAiCompatibleLanguageModel } from './llm/openai-compatible.js';
import { OpenAiRealtimeVoice } from './realtime/openai-realtime.js';
import type { LanguageModel, RealtimeVoice, SpeechToText, TextToSpeech } from './types.js';

/** Provider configuration (derived by config/ from the environment). */
export interface ProvidersConfig {
  deepgram?: { apiKey: string; baseUrl?: string; sttModel?: string; ttsModel?: string };
  openai?: { apiKey: string; baseUrl?: string; chatModel?: string; ttsModel?: string; voice?: string; realtimeModel?: string; transcribeModel?: string };
  /** Self-hosted OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp); no key needed. */
  openaiCompatible?: { baseUrl: string; apiKey?: string; model?: string };
  /** Self-hosted OpenAI-compatible transcription (speaches, faster-whisper-server). */
  sttCompatible?: { baseUrl: string; model: string; apiKey?: string };
  /** An operator-supplied Whisper ONNX model for sherpa-onnx-node (nothing on npm ships one). */
  localModel?: SherpaWhisperModel;
  stt?: 'deepgram' | 'openai-compatible' | 'local' | 'scripted';
  tts?: 'deepgram' | 'openai' | 'flite';
  /** First-chunk timeout of a TTS provider before falling back (ms). */
  ttsTimeoutMs?: number;
}

/** The chosen providers. */
export interface Providers {
  stt: SpeechToText;
  /** Primary TTS wrapped with a fallback to the offline voice. */
  tts: TextToSpeech;
  /** Always available: the offline voice for apologies, fillers and the no-key greeting. */
  offlineTts: FliteTextToSpeech;
  llm: LanguageModel | null;
  realtime: RealtimeVoice | null;
  /** Side channel of the scripted STT (tests, simulator). */
  scriptBook: ScriptBook;
  /** One line per capability for the startup table. */
  describe(): Record<string, string>;
}

/** OpenAI speech: Realtime models speak over the Realtime socket, others over `/audio/speech`. */
function openAiTts(oa: NonNullable<ProvidersConfig['openai']>): TextToSpeech {
  const model = oa.ttsModel ?? OPENAI_TTS_DEFAULT_MODEL;
  return model.startsWith('gpt-realtime')
    ? new OpenAiRealtimeTextToSpeech({ apiKey: oa.apiKey, baseUrl: oa.baseUrl, model, voice: oa.voice })
    : new OpenAiTextToSpeech({ apiKey: oa.apiKey, baseUrl: oa.baseUrl, model, voice: oa.voice });
}

/** The vendor's replacement for its retiring `/audio/speech` models (checked 2026-12-02). */
export const OPENAI_TTS_DEFAULT_MODEL = 'gpt-realtime-2.1-mini';

/** Builds providers from configuration; missing keys select local substitutes. */
export function createProviders(cfg: ProvidersConfig = {}): Providers {
  const scriptBook = new ScriptBook();
  const offlineTts = new FliteTextToSpeech();
  const dg = cfg.deepgram;
  const oa = cfg.openai;
  const sttChoice = cfg.stt ?? (dg ? 'deepgram' : cfg.sttCompatible ? 'openai-compatible' : cfg.localModel ? 'local' : 'scripted');
  const stt: SpeechToText =
    sttChoice === 'deepgram' && dg
      ? new DeepgramSpeechToText({ apiKey: dg.apiKey, baseUrl: dg.baseUrl, model: dg.sttModel })
      : sttChoice === 'openai-compatible' && cfg.sttCompatible
        ? openAiCompatibleSpeechToText(cfg.sttCompatible)
        : sttChoice === 'local' && cfg.localModel
          ? new LocalModelSpeechToText({ transcribe: sherpaOnnxTranscriber(cfg.localModel) })
          : new ScriptedSpeechToText(scriptBook);
  const ttsChoice = cfg.tts ?? (dg ? 'deepgram' : oa ? 'openai' : 'flite');
  let primary: TextToSpeech | null = null;
  if (ttsChoice === 'deepgram' && dg) primary = new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.baseUrl, model: dg.ttsModel });
  if (ttsChoice === 'openai' && oa) primary = openAiTts(oa);
  const tts = primary ? new FallbackTextToSpeech([primary, offlineTts], cfg.ttsTimeoutMs ?? 1000) : offlineTts;
  const llm = cfg.openaiCompatible
    ? new OpenAiCompatibleLanguageModel(cfg.openaiCompatible)
    : oa
      ? new OpenAiCompatibleLanguageModel({ apiKey: oa.apiKey, baseUrl: oa.baseUrl, model: oa.chatModel })
      : null;
  const realtime = oa ? new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: oa.baseUrl, model: oa.realtimeModel, transcribeModel: oa.transcribeModel, voice: oa.voice }) : null;
  return {
    stt,
    tts,
    offlineTts,
    llm,
    realtime,
    scriptBook,
    describe: () => ({
      stt: stt.label,
      tts: tts.label,
      llm: llm?.label ?? 'offline brain (no model configured)',
      realtime: realtime?.label ?? 'unavailable (no OpenAI key)',
    }),
  };
}
