/**
 * The four provider interfaces. Small, streaming, cancellable. Audio crosses them as PCM16 frames;
 * TTS adapters that can emit telephony audio directly (μ-law 8 kHz) say so in their chunks.
 */
import type { ProviderError } from './shared/errors.js';
import type { UlawAudio } from '../audio/index.js';

/** A block of mono PCM16 audio; `startMs` is its position in the call's audio. */
export interface AudioFrame {
  pcm: Int16Array;
  sampleRate: number;
  startMs: number;
}

/** Audio produced by TTS: PCM at some rate, or μ-law 8 kHz ready for the phone line. */
export type AudioChunk = { kind: 'pcm'; data: Int16Array; sampleRate: number } | { kind: 'ulaw'; data: Uint8Array };

// ---------- speech to text ----------
/** What an STT adapter can do. */
export interface SttCaps {
  interim: boolean;
  /** The adapter decides end of speech itself (final with endOfSpeech). */
  endpointing: boolean;
}
/** Options of one STT stream (one per call). */
export interface SttOpen {
  callId: string;
  sampleRate: number;
  language?: string;
  signal?: AbortSignal;
}
/** A transcript event. */
export type SttEvent =
  | { type: 'speechStarted' }
  | { type: 'interim'; text: string }
  | { type: 'final'; text: string; endOfSpeech: boolean }
  | { type: 'utteranceEnd' }
  /** The recogniser answered without words (an empty result): only that its socket is alive. */
  | { type: 'alive' }
  | { type: 'error'; error: ProviderError };
/** One live transcription stream. */
export interface SttStream extends AsyncIterable<SttEvent> {
  push(frame: AudioFrame): void;
  /** Flush: transcribe what has been heard so far as a final. */
  finalize(): void;
  close(): Promise<void>;
  /**
   * The listener judged the stream dead although its socket is open (it stopped answering while the
   * caller talks): replace it as if it had failed — reopen, or move to the next provider of a chain.
   * Streams without it are replaced by the caller.
   */
  lost?(reason: string): void;
}
/** Streaming speech recognition. */
export interface SpeechToText {
  readonly label: string;
  readonly caps: SttCaps;
  open(o: SttOpen): SttStream;
}

// ---------- text to speech ----------
/** TTS options. */
export interface TtsOpts {
  voice?: string;
  /** Preferred output rate; adapters may return another and say so in the chunk. */
  sampleRate?: number;
  signal?: AbortSignal;
}
/** Speech synthesis of one sentence at a time (so each sentence can carry its own `mark`). */
export interface TextToSpeech {
  readonly label: string;
  synthesize(text: string, o: TtsOpts): AsyncIterable<AudioChunk>;
}

// ---------- language model ----------
/** A tool the model may call; `parameters` is a JSON Schema object. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
/** A tool call requested by the model. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}
/** One chat message. */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  | { role: 'tool'; content: string; toolCallId: string };
/** A chat request. */
export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  temperature?: number;
  maxTokens?: number;
}
/** Streamed model output. */
export type LlmDelta =
  | { type: 'text'; text: string }
  | { type: 'toolCall'; call: ToolCall }
  | { type: 'done'; finishReason: string; usage?: { promptTokens: number; completionTokens: number } };
/** A chat model with tool calling, streamed. */
export interface LanguageModel {
  readonly label: string;
  chat(req: ChatRequest, signal: AbortSignal): AsyncIterable<LlmDelta>;
}

// ---------- realtime speech to speech ----------
/** Options of a realtime session. */
export interface RealtimeOpts {
  instructions: string;
  voice?: string;
  /** ISO-639-1 language of the caller (transcription hint). */
  language?: string;
  tools?: ToolSpec[];
  /** Server VAD silence before the model answers. */
  silenceMs?: number;
  signal?: AbortSignal;
}
/** Events of a realtime session. */
export type RealtimeEvent =
  | { type: 'speechStarted'; audioStartMs: number; itemId?: string }
  | { type: 'speechStopped'; audioEndMs: number; itemId?: string }
  | { type: 'audio'; itemId: string; responseId: string; audio: UlawAudio }
  | { type: 'transcript'; role: 'caller' | 'agent'; text: string; itemId?: string }
  | { type: 'toolCall'; callId: string; name: string; arguments: string }
  | { type: 'responseDone'; responseId: string; status: string }
  | { type: 'error'; error: ProviderError }
  | { type: 'closed' };
/** A live speech-to-speech session (μ-law 8 kHz in and out). */
export interface RealtimeSession {
  /** Caller audio (μ-law 8 kHz) as received from the phone line. */
  appendAudio(audio: UlawAudio): void;
  onEvent(fn: (e: RealtimeEvent) => void): void;
  /** Returns a tool's result to the model and lets it continue. */
  sendToolResult(callId: string, output: string): void;
  /** Asks the model to speak now (optionally with one-off instructions). */
  createResponse(instructions?: string): void;
  cancelResponse(): void;
  /** Tells the model how much of an item the caller actually heard. */
  truncate(itemId: string, audioEndMs: number): void;
  /** Adds text the agent already said (e.g. the cached greeting) to the conversation. */
  addAgentText(text: string): void;
  close(): Promise<void>;
}
/** A speech-to-speech engine. */
export interface RealtimeVoice {
  readonly label: string;
  /** Voices the engine can speak with (`RealtimeOpts.voice`). */
  readonly voices?: readonly string[];
  connect(o: RealtimeOpts): Promise<RealtimeSession>;
}
