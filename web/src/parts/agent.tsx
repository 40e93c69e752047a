/** Greeting, voice and escalation settings, with a spoken preview of the greeting. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiBlob, put, type Answer, type RequestBody, type Item } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan } from '../session.js';
import { FormError, Input, Select, TextArea, useSubmit } from '../ui.js';

/** A voice the server can speak with (`GET /api/voices`): only providers it has configured. */
export type VoiceOption = Item<'/api/voices'>;

const PROVIDER_NAMES: Record<string, string> = { deepgram: 'Deepgram Aura-2', openai: 'OpenAI', offline: 'offline' };
/** The languages an owner picks from, in words (the stored value is a language tag or `auto`). */
const LANGUAGES: Array<[string, string]> = [
  ['en-US', 'English'],
  ['es', 'Spanish (español)'],
  ['auto', 'English, switching to Spanish when the caller speaks it'],
  ['es,en', 'Spanish, switching to English when the caller speaks it'],
];

/** The choices, keeping the agent's own English tag (en, en-GB) and any other stored value selectable. */
function languageChoices(current: string): Array<[string, string]> {
  const english = /^en(-[A-Z]{2})?$/.test(current);
  const list = LANGUAGES.map(([value, name]): [string, string] =>
    english && value === 'en-US' ? [current, name] : [value, name],
  );
  return list.some(([value]) => value === current) ? list : [...list, [current, current]];
}

/** The picker's query: the two-letter language of the agent (voices for other languages are hidden). */
export function voicesPath(language: string | undefined): string {
  const lang = (language ?? '').slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(lang) ? `/api/voices?language=${lang}` : '/api/voices';
}

/**
 * Plays the greeting in the chosen voice: the server's TTS (`POST /api/agent/preview`, the voice callers hear)
 * and, only when that route is unavailable, the browser's own speech synthesis as a rough stand-in.
 */
export async function previewGreeting(text: string, voice: string): Promise<'server' | 'browser' | 'none'> {
  try {
    const wav = await apiBlob('/api/agent/preview', { method: 'POST', body: { text, voice } });
    const audio = new Audio(URL.createObjectURL(wav));
    audio.onended = () => URL.revokeObjectURL(audio.src);
    await audio.play().catch(() => undefined);
    return 'server';
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
  }
  if (!('speechSynthesis' in window)) return 'none';
  const u = new SpeechSynthesisUtterance(text);
  speechSynthesis.cancel();
  speechSynthesis.speak(u);
  return 'browser';
}

function PreviewButton({ text, voice }: { text: string; voice: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'server' | 'browser' | 'none' | 'error'>('idle');
  const play = async () => {
    setState('busy');
    try {
      setState(await previewGreeting(text, voice));
    } catch {
      setState('error');
    }
  };
  return (
    <div className="row">
      <button type="button" onClick={() => void play()} disabled={state === 'busy' || !text.trim()}>
        {state === 'busy' ? 'Synthesizing…' : '▶ Play greeting'}
      </button>
      <span className="muted small" role="status">
        {state === 'browser' && 'Played with the browser’s voice (the server preview is not available).'}
        {state === 'none' && 'This browser cannot play speech.'}
        {state === 'error' && 'The voice could not be synthesized right now.'}
      </span>
    </div>
  );
}

/** The agent form; `onSaved` lets the onboarding wizard move on. */
export function AgentForm({ onSaved, submitLabel = 'Save' }: { onSaved?(): void; submitLabel?: string }) {
  const can = useCan('settings');
  const config = useApi<Answer<'/api/config'>>('/api/config', { fresh: true });
  const agent = useApi<Answer<'/api/agent'>>('/api/agent', { fresh: true });
  const saveConfig = useApiMutation(
    (b: RequestBody<'/api/config', 'put'>) => put('/api/config', b),
    ['config', 'setup-status'],
  );
  const saveAgent = useApiMutation((b: RequestBody<'/api/agent', 'put'>) => put('/api/agent', b), ['agent']);
  const s = useSubmit();
  const [f, setF] = useState<{
    greeting: string;
    escalationNumber: string;
    afterHours: string;
    voice: string;
    language: string;
    engine: string;
    persona: string;
  } | null>(null);
  const voices = useApi<{ items: VoiceOption[] }>(agent.data ? voicesPath(f?.language ?? agent.data.language) : null);
  const [saved, setSaved] = useState(false);
  // Vendor names only for an owner who opened "Advanced".
  const [advanced, setAdvanced] = useState(false);
  useEffect(() => {
    if (config.data && agent.data && !f)
      setF({
        greeting: config.data.greeting ?? '',
        escalationNumber: config.data.escalationNumber ?? '',
        afterHours: config.data.afterHours ?? 'answer',
        voice: agent.data.voice ?? 'default',
        language: agent.data.language ?? 'en-US',
        engine: agent.data.engine ?? 'pipeline',
        persona: agent.data.persona ?? '',
      });
  }, [config.data, agent.data, f]);
  if (!f)
    return config.error || agent.error ? (
      <p className="notice error" role="alert">
        {(config.error ?? agent.error)!.message}
      </p>
    ) : (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setSaved(false);
    setF({ ...f, [k]: e.target.value });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await saveConfig.mutateAsync({
        greeting: f.greeting,
        escalationNumber: f.escalationNumber.trim() || null,
        afterHours: f.afterHours as 'answer' | 'voicemail' | 'forward',
      });
      await saveAgent.mutateAsync({
        voice: f.voice,
        language: f.language,
        engine: f.engine as 'pipeline' | 'realtime',
        persona: f.persona,
      });
      setSaved(true);
      onSaved?.();
    });
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <TextArea
        label="Greeting"
        rows={3}
        limit={1000}
        value={f.greeting}
        onChange={set('greeting')}
        error={s.fields.greeting}
        disabled={!can}
      />
      <div className="row wrap">
        <Select label="Voice" value={f.voice} onChange={set('voice')} error={s.fields.voice} disabled={!can}>
          <option value="default">Default voice</option>
          {f.voice !== 'default' && !voices.data?.items.some((v) => v.id === f.voice) && (
            <option value={f.voice}>{f.voice}</option>
          )}
          {(voices.data?.items ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
              {advanced ? ` (${PROVIDER_NAMES[v.provider] ?? v.provider})` : ''}
            </option>
          ))}
        </Select>
        <PreviewButton text={f.greeting} voice={f.voice} />
      </div>
      <Input
        label="Escalation number (emergencies are transferred here)"
        type="tel"
        autoComplete="tel"
        value={f.escalationNumber}
        onChange={set('escalationNumber')}
        error={s.fields.escalationNumber}
        placeholder="+1 555 010 0199"
        disabled={!can}
      />
      <Select
        label="After hours"
        value={f.afterHours}
        onChange={set('afterHours')}
        error={s.fields.afterHours}
        disabled={!can}
      >
        <option value="answer">The agent answers and books</option>
        <option value="voicemail">Take a message</option>
        <option value="forward">Forward to the escalation number</option>
      </Select>
      <Select label="Language" value={f.language} onChange={set('language')} error={s.fields.language} disabled={!can}>
        {languageChoices(f.language).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </Select>
      <TextArea
        label="Persona and extra instructions"
        rows={3}
        limit={2000}
        value={f.persona}
        onChange={set('persona')}
        error={s.fields.persona}
        disabled={!can}
      />
      <details className="advanced" onToggle={(e) => setAdvanced((e.target as HTMLDetailsElement).open)}>
        <summary>Advanced</summary>
        <Select label="Engine" value={f.engine} onChange={set('engine')} error={s.fields.engine} disabled={!can}>
          <option value="pipeline">Speech → text → speech</option>
          <option value="realtime">Realtime speech-to-speech</option>
        </Select>
      </details>
      <FormError error={s.error} />
      {can && (
        <div className="row">
          <button className="primary" disabled={s.busy}>
            {s.busy ? 'Saving…' : submitLabel}
          </button>
          {saved && (
            <span className="ok" role="status">
              Saved
            </span>
          )}
        </div>
      )}
    </form>
  );
}
