/** Provider interfaces, wrappers and implementations (STT, TTS, LLM, Realtime). */
export type * from './types.js';
export { ProviderError, isRetryableStatus, toProviderError, isAbort } from './shared/errors.js';
export { withTimeout, withRetry, withStreamTimeout, fallbackStream, type RetryOptions } from './shared/wrappers.js';
export { AsyncQueue } from './shared/async-queue.js';
export { DeepgramSpeechToText, type DeepgramSttConfig } from './stt/deepgram.js';
export { ScriptBook, ScriptedSpeechToText, type ScriptedSttConfig } from './stt/scripted.js';
export {
  LocalModelSpeechToText,
  sherpaOnnxTranscriber,
  type LocalModelSttConfig,
  type UtteranceTranscriber,
  type SherpaWhisperModel,
} from './stt/local-model.js';
export {
  openAiCompatibleSpeechToText,
  transcriptionClient,
  type OpenAiCompatibleSttConfig,
} from './stt/openai-compatible.js';
export { FliteTextToSpeech, type FliteTtsConfig } from './tts/offline-flite.js';
export { DeepgramAuraTextToSpeech, type DeepgramTtsConfig } from './tts/deepgram-aura.js';
export { OpenAiTextToSpeech, type OpenAiTtsConfig } from './tts/openai.js';
export { OpenAiRealtimeTextToSpeech, type OpenAiRealtimeTtsConfig } from './tts/openai-realtime-tts.js';
export { FallbackTextToSpeech } from './tts/fallback.js';
export { OpenAiCompatibleLanguageModel, type OpenAiChatConfig } from './llm/openai-compatible.js';
export { FallbackLanguageModel } from './llm/fallback.js';
export {
  OpenAiRealtimeVoice,
  OPENAI_REALTIME_DEFAULTS,
  OPENAI_REALTIME_VOICES,
  type OpenAiRealtimeConfig,
} from './realtime/openai-realtime.js';
export { createProviders, OPENAI_TTS_DEFAULT_MODEL, type Providers, type ProvidersConfig } from './create-providers.js';
export {
  ProviderCatalog,
  voiceForLanguage,
  STT_CHOICES,
  TTS_CHOICES,
  LLM_CHOICES,
  type AgentChoice,
  type VoiceInfo,
} from './catalog.js';
export { CallHealth, type ProviderSwitch, type OnSwitch } from './shared/switches.js';
export { FallbackSpeechToText } from './stt/fallback.js';
export type { CallProviders } from './create-providers.js';
