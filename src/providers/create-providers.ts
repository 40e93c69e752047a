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
import { FallbackLanguageModel } from './llm/fallback.js';
import { FallbackSpeechToText } from './stt/fallback.js';
import { transcriptionClient } from './stt/openai-compatible.js';
import { ProviderCatalog, type AgentChoice } from './catalog.js';
import { CallHealth, type OnSwitch } from './shared/switches.js';
import type { LanguageModel, RealtimeVoice, SpeechToText, TextToSpeech } from './types.js';

/** Provider configuration (derived by config/ from the environment). */
export interface ProvidersConfig {
  deepgram?: { apiKey: string; baseUrl?: string; sttModel?: string; ttsModel?: string };
  openai?: {
    apiKey: string;
    baseUrl?: string;
    chatModel?: string;
    ttsModel?: string;
    voice?: string;
    realtimeModel?: string;
    transcribeModel?: string;
  };
  /** Self-hosted OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp); no key needed. */
  openaiCompatible?: { baseUrl: string; apiKey?: string; model?: string };
  /** Self-hosted OpenAI-compatible transcription (speaches, faster-whisper-server). */
  sttCompatible?: { baseUrl: string; model: string; apiKey?: string };
  /** An operator-supplied Whisper ONNX model for sherpa-onnx-node (nothing on npm ships one). */
  localModel?: SherpaWhisperModel;
  stt?: 'deepgram' | 'openai' | 'openai-compatible' | 'local' | 'scripted';
  tts?: 'deepgram' | 'openai' | 'flite';
  /** First-chunk timeout of a TTS provider before falling back (ms). */
  ttsTimeoutMs?: number;
}

/** One organization's providers for one call: its choices first, fallbacks after. */
export interface CallProviders {
  stt: SpeechToText;
  /** Speech out, ending with the offline voice. */
  tts: TextToSpeech;
  llm: LanguageModel | null;
  /** The voice to ask for ('' = the provider's default). */
  voice: string;
}

/** The chosen providers. */
export interface Providers {
  /** The server default STT (first of its chain). */
  stt: SpeechToText;
  /** Primary TTS wrapped with a fallback to the offline voice. */
  tts: TextToSpeech;
  /** Always available: the offline voice for apologies, fillers and the no-key greeting. */
  offlineTts: FliteTextToSpeech;
  llm: LanguageModel | null;
  realtime: RealtimeVoice | null;
  /** Everything configured, by name: voices, the agent-settings check. */
  catalog: ProviderCatalog;
  /** The providers of an organization's next call; `onSwitch` hears every fallback. */
  forAgent(agent: AgentChoice, onSwitch?: OnSwitch): CallProviders;
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

/** Every STT the configuration allows, the server's default first (scripted only when nothing real is). */
function sttList(cfg: ProvidersConfig, scriptBook: ScriptBook): Array<{ name: string; provider: SpeechToText }> {
  const dg = cfg.deepgram;
  const oa = cfg.openai;
  const all: Array<{ name: string; provider: SpeechToText }> = [];
  if (dg)
    all.push({
      name: 'deepgram',
      provider: new DeepgramSpeechToText({ apiKey: dg.apiKey, baseUrl: dg.baseUrl, model: dg.sttModel }),
    });
  if (cfg.sttCompatible)
    all.push({ name: 'openai-compatible', provider: openAiCompatibleSpeechToText(cfg.sttCompatible) });
  if (oa)
    all.push({
      name: 'openai',
      provider: new LocalModelSpeechToText({
        label: 'openai.stt',
        transcribe: transcriptionClient({
          baseUrl: oa.baseUrl ?? 'https://api.openai.com/v1',
          apiKey: oa.apiKey,
          model: oa.transcribeModel ?? 'gpt-transcribe',
        }),
        endpointMs: 400,
      }),
    });
  if (cfg.localModel)
    all.push({
      name: 'local',
      provider: new LocalModelSpeechToText({ transcribe: sherpaOnnxTranscriber(cfg.localModel) }),
    });
  const scripted = { name: 'scripted', provider: new ScriptedSpeechToText(scriptBook) as SpeechToText };
  const wanted =
    cfg.stt ?? (dg ? 'deepgram' : cfg.sttCompatible ? 'openai-compatible' : cfg.localModel ? 'local' : 'scripted');
  if (wanted === 'scripted' || all.length === 0) return [scripted, ...all];
  const first = all.filter((x) => x.name === wanted);
  return [...first, ...all.filter((x) => x.name !== wanted)];
}

/** Builds providers from configuration; missing keys select local substitutes. */
export function createProviders(cfg: ProvidersConfig = {}): Providers {
  const scriptBook = new ScriptBook();
  const offlineTts = new FliteTextToSpeech();
  const dg = cfg.deepgram;
  const oa = cfg.openai;
  const stts = sttList(cfg, scriptBook);
  const ttsList: Array<{ name: string; provider: TextToSpeech }> = [];
  if (dg)
    ttsList.push({
      name: 'deepgram',
      provider: new DeepgramAuraTextToSpeech({ apiKey: dg.apiKey, baseUrl: dg.baseUrl, model: dg.ttsModel }),
    });
  if (oa) ttsList.push({ name: 'openai', provider: openAiTts(oa) });
  const ttsChoice = cfg.tts ?? (dg ? 'deepgram' : oa ? 'openai' : 'flite');
  if (ttsChoice === 'openai') ttsList.reverse();
  const llms: Array<{ name: string; provider: LanguageModel }> = [];
  // Labels name the configured role, not the URL: per-call health and the call record tell them apart.
  if (cfg.openaiCompatible)
    llms.push({
      name: 'openai-compatible',
      provider: new OpenAiCompatibleLanguageModel({ ...cfg.openaiCompatible, label: 'openai-compatible.llm' }),
    });
  if (oa)
    llms.push({
      name: 'openai',
      provider: new OpenAiCompatibleLanguageModel({
        apiKey: oa.apiKey,
        baseUrl: oa.baseUrl,
        model: oa.chatModel,
        label: 'openai.llm',
      }),
    });
  const realtime = oa
    ? new OpenAiRealtimeVoice({
        apiKey: oa.apiKey,
        baseUrl: oa.baseUrl,
        model: oa.realtimeModel,
        transcribeModel: oa.transcribeModel,
        voice: oa.voice,
      })
    : null;
  const catalog = new ProviderCatalog(stts, ttsChoice === 'flite' ? [] : ttsList, llms, offlineTts, realtime);
  const ttsMs = cfg.ttsTimeoutMs ?? 1000;
  const forAgent = (agent: AgentChoice, onSwitch?: OnSwitch): CallProviders => {
    const chains = catalog.chains(agent);
    const health = new CallHealth();
    const stt =
      chains.stt.length > 1
        ? new FallbackSpeechToText(
            chains.stt.map((x) => x.provider),
            health,
            onSwitch,
          )
        : (chains.stt[0] ?? stts[0]).provider;
    const tts = chains.tts.length
      ? new FallbackTextToSpeech([...chains.tts.map((x) => x.provider), offlineTts], ttsMs, health, onSwitch)
      : offlineTts;
    const llm =
      chains.llm.length > 1
        ? new FallbackLanguageModel(
            chains.llm.map((x) => x.provider),
            1200,
            health,
            onSwitch,
          )
        : (chains.llm[0]?.provider ?? null);
    return { stt, tts, llm, voice: agent.voice && agent.voice !== 'default' ? agent.voice : '' };
  };
  const defaults = forAgent({});
  return {
    stt: stts[0].provider,
    tts: defaults.tts,
    offlineTts,
    llm: defaults.llm,
    realtime,
    catalog,
    forAgent,
    scriptBook,
    describe: () => ({
      stt: stts.map((x) => x.provider.label).join(' → '),
      tts: defaults.tts.label,
      llm: defaults.llm?.label ?? 'offline brain (no model configured)',
      realtime: realtime?.label ?? 'unavailable (no OpenAI key)',
    }),
  };
}
