/**
 * What this server can serve, and what one organization chose: the configured STT, TTS and LLM
 * providers by name, the voices they speak, a check that refuses an agent setting the server cannot
 * honour, and the provider chains for an organization's next call (its choice first, then the other
 * configured providers of the same kind, and for speech out the offline voice last).
 */
import { FLITE_VOICES } from './tts/offline-flite.js';
import { OPENAI_REALTIME_VOICES } from './realtime/openai-realtime.js';
import type { LanguageModel, RealtimeVoice, SpeechToText, TextToSpeech } from './types.js';

/** Names an organization may choose (`auto` = the server's order). */
export const STT_CHOICES = ['auto', 'deepgram', 'openai', 'openai-compatible', 'local', 'scripted'] as const;
export const TTS_CHOICES = ['auto', 'deepgram', 'openai', 'offline'] as const;
export const LLM_CHOICES = ['auto', 'openai', 'openai-compatible', 'offline'] as const;
type Named<T> = Array<{ name: string; provider: T }>;

/** A voice an organization can pick. */
export interface VoiceInfo {
  /** What `agent.voice` stores. */
  id: string;
  provider: 'deepgram' | 'openai' | 'offline';
  name: string;
  /** ISO-639-1, or `multi` for voices that speak the caller's language. */
  language: string;
}

/** The parts of an organization's agent settings that pick providers. */
export interface AgentChoice {
  engine?: string;
  stt?: string;
  tts?: string;
  llm?: string;
  voice?: string;
  language?: string;
}

// Aura-2 voices (https://developers.deepgram.com/docs/tts-models), a representative set per language.
const AURA2: Array<[string, string]> = [
  ['thalia', 'en'],
  ['andromeda', 'en'],
  ['helena', 'en'],
  ['apollo', 'en'],
  ['arcas', 'en'],
  ['asteria', 'en'],
  ['athena', 'en'],
  ['luna', 'en'],
  ['orion', 'en'],
  ['zeus', 'en'],
  ['celeste', 'es'],
  ['estrella', 'es'],
  ['nestor', 'es'],
  ['sirio', 'es'],
  ['carina', 'es'],
  ['alvaro', 'es'],
];
/**
 * The voice to speak a language with, from the agent's chosen voice: an Aura-2 voice is per language
 * (the first of the catalogue's for another language: celeste for Spanish, thalia for English); the
 * default voice in Spanish is Aura-2 celeste (OpenAI ignores Aura ids and speaks the text's
 * language with its own voice); OpenAI voices are multilingual and the offline voices English only,
 * so those stay as chosen.
 */
export function voiceForLanguage(voice: string | undefined, language: string): string | undefined {
  const lang = language.slice(0, 2).toLowerCase();
  const aura = /^aura-2-[a-z]+-([a-z]{2})$/.exec(voice ?? '');
  const first = AURA2.find(([, l]) => l === lang);
  if (aura) return aura[1] === lang || !first ? voice : `aura-2-${first[0]}-${lang}`;
  if (!voice && lang !== 'en' && first) return `aura-2-${first[0]}-${lang}`;
  return voice;
}

const FLITE_NAMES: Record<string, string> = {
  kal: 'Kal (US male, phone-rate)',
  slt: 'SLT (US female)',
  awb: 'AWB (Scottish male)',
  rms: 'RMS (US male)',
  kal16: 'Kal 16 kHz',
  awb_time: 'AWB time',
};

/** The server's providers by name, with the agent-facing logic over them. */
export class ProviderCatalog {
  constructor(
    readonly stt: Named<SpeechToText>,
    readonly tts: Named<TextToSpeech>,
    readonly llm: Named<LanguageModel>,
    readonly offlineTts: TextToSpeech,
    readonly realtime: RealtimeVoice | null,
  ) {}

  /** Voices of the configured providers, optionally for one language (multilingual voices always). */
  voices(language?: string): VoiceInfo[] {
    const lang = language?.slice(0, 2).toLowerCase();
    const out: VoiceInfo[] = [];
    if (this.has(this.tts, 'deepgram'))
      for (const [n, l] of AURA2) out.push({ id: `aura-2-${n}-${l}`, provider: 'deepgram', name: cap(n), language: l });
    if (this.has(this.tts, 'openai') || this.realtime)
      for (const v of OPENAI_REALTIME_VOICES) out.push({ id: v, provider: 'openai', name: cap(v), language: 'multi' });
    for (const v of ['kal', 'slt', 'awb', 'rms'])
      if (FLITE_VOICES.has(v)) out.push({ id: v, provider: 'offline', name: FLITE_NAMES[v], language: 'en' });
    return lang ? out.filter((v) => v.language === lang || v.language === 'multi') : out;
  }

  /** Why the server cannot serve this agent setting (field and message), or null when it can. */
  refuse(a: AgentChoice): { field: string; message: string } | null {
    if (a.engine === 'realtime' && !this.realtime)
      return { field: 'engine', message: 'the realtime engine needs OPENAI_API_KEY on this server' };
    const kinds = [
      ['stt', this.stt],
      ['tts', this.tts],
      ['llm', this.llm],
    ] as const;
    for (const [field, list] of kinds) {
      const v = a[field];
      if (!v || v === 'auto' || v === 'offline' || (field === 'stt' && v === 'scripted')) continue;
      if (!this.has(list as Named<unknown>, v))
        return {
          field,
          message: `${field} provider "${v}" is not configured on this server (configured: ${list.map((x) => x.name).join(', ') || 'none'})`,
        };
    }
    if (a.voice && a.voice !== 'default') {
      const v = this.voices().find((x) => x.id === a.voice);
      if (!v)
        return {
          field: 'voice',
          message: `voice "${a.voice}" is not offered by a provider configured on this server (GET /api/voices)`,
        };
      const tts = a.tts && a.tts !== 'auto' ? a.tts : null;
      if (tts && v.provider !== tts && v.provider !== 'offline' && a.engine !== 'realtime')
        return {
          field: 'voice',
          message: `voice "${a.voice}" belongs to ${v.provider}, not to the chosen tts "${tts}"`,
        };
    }
    return null;
  }

  /** The organization's providers for its next call, each followed by the others of its kind. */
  chains(a: AgentChoice): { stt: Named<SpeechToText>; tts: Named<TextToSpeech>; llm: Named<LanguageModel> } {
    const voiceProvider = a.voice ? this.voices().find((v) => v.id === a.voice)?.provider : undefined;
    const ttsFirst =
      a.tts && a.tts !== 'auto' ? a.tts : voiceProvider && voiceProvider !== 'offline' ? voiceProvider : undefined;
    return {
      stt: a.stt === 'scripted' ? this.stt.filter((s) => s.name === 'scripted') : order(this.stt, a.stt),
      tts: a.tts === 'offline' || (!ttsFirst && voiceProvider === 'offline') ? [] : order(this.tts, ttsFirst),
      llm: a.llm === 'offline' ? [] : order(this.llm, a.llm),
    };
  }

  private has(list: Named<unknown>, name: string): boolean {
    return list.some((x) => x.name === name);
  }
}

/** The chosen one first, then the rest in the server's order. */
function order<T>(list: Named<T>, first?: string): Named<T> {
  const chosen = list.filter((x) => x.name === first);
  return [...chosen, ...list.filter((x) => x.name !== first)];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
