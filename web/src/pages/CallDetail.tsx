/** One call: transcript, outcome, tool calls, linked appointment and lead, recording, per-turn latency. */
import { useEffect, useState } from 'react';
import { ApiError, apiBlob, post, type Answer } from '../api.js';
import { useApi } from '../queries.js';
import { useSession } from '../session.js';
import { Link } from '../router.js';
import { Badge, Loader, PageHead, money } from '../ui.js';
import { answerSeconds, fmtDateTime, fmtDuration, fmtTime, todayIn } from '../time.js';

/** One call with its transcript, events, appointment and lead (GET /api/calls/:id, the generated contract). */
type Call = Answer<'/api/calls/{id}'>;
type Turn = Call['turns'][number];
/** What a `tool_call` event records (its data is free-form in the contract). */
interface ToolCallData {
  name?: string;
  tool?: string;
  ok?: boolean;
  args?: unknown;
  input?: unknown;
  result?: unknown;
  output?: unknown;
  error?: unknown;
}

/**
 * The call's audio: fetched with the session's token from our own API (an <audio src> cannot send
 * one, and the page never holds the provider's address), played from a local object URL.
 */
function Recording({ path }: { path: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    apiBlob(path)
      .then((blob) => {
        if (live) setSrc((url = URL.createObjectURL(blob)));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  if (failed) return <p className="muted">The recording cannot be played right now.</p>;
  if (!src) return <p className="muted">Loading the recording…</p>;
  return (
    <audio controls preload="metadata" src={src} aria-label="Recording">
      Your browser cannot play the recording.
    </audio>
  );
}

/** Languages by their ISO-639-1 code, as the page names them. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish' };
const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code.toUpperCase();

/** A call's English translation, asked for on demand (the server's language model makes it once). */
function useTranslation(id: string) {
  const [lines, setLines] = useState<Map<number, string> | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const [error, setError] = useState('');
  const ask = async () => {
    setState('busy');
    try {
      const t = await post<{ items: { seq: number; text: string }[] }>(
        `/api/calls/${encodeURIComponent(id)}/translation`,
      );
      setLines(new Map(t.items.map((i) => [i.seq, i.text])));
      setState('idle');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? 'Translations need a language model (set OPENAI_API_KEY on the server).'
          : 'The translation failed; try again.',
      );
      setState('error');
    }
  };
  return { lines, state, error, ask };
}

/** "Answered in about 0.6 s": the median gap between the caller finishing and the agent starting, in words. */
function answerTimeWords(gaps: Array<number | null | undefined>): string {
  const ms = gaps.filter((g): g is number => typeof g === 'number').sort((a, b) => a - b);
  if (ms.length === 0) return 'No answer times were recorded for this call.';
  return `Answered in about ${answerSeconds(ms[Math.floor((ms.length - 1) / 2)])} after the caller finished speaking.`;
}

/** Stacked bars of STT / LLM / TTS per agent turn, with the end-to-end gap as text. */
function Latency({ turns }: { turns: Turn[] }) {
  const rows = turns.filter((t) => t.role === 'agent' && (t.e2eMs != null || t.llmMs != null));
  if (rows.length === 0) return <p className="muted">No timings recorded for this call.</p>;
  const max = Math.max(...rows.map((t) => Math.max(t.e2eMs ?? 0, (t.asrMs ?? 0) + (t.llmMs ?? 0) + (t.ttsMs ?? 0))), 1);
  const w = (ms: number | null) => `${((ms ?? 0) / max) * 100}%`;
  return (
    <table className="latency">
      <caption className="sr-only">Per-turn latency in milliseconds</caption>
      <thead>
        <tr>
          <th>Turn</th>
          <th>STT</th>
          <th>LLM</th>
          <th>TTS</th>
          <th>End-to-end</th>
          <th className="hide-sm">
            <span className="sr-only">Chart</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.seq}>
            <td>{t.seq}</td>
            <td>{t.asrMs ?? '—'}</td>
            <td>{t.llmMs ?? '—'}</td>
            <td>{t.ttsMs ?? '—'}</td>
            <td>
              <strong>{t.e2eMs ?? '—'}</strong>
            </td>
            <td className="hide-sm bar-cell" aria-hidden="true">
              <span className="bar stt" style={{ width: w(t.asrMs) }} />
              <span className="bar llm" style={{ width: w(t.llmMs) }} />
              <span className="bar tts" style={{ width: w(t.ttsMs) }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The page. */
export default function CallDetail({ id }: { id: string }) {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  // every live event of this call (a turn, a tool call, the end) loads it again (useLiveInvalidation)
  const call = useApi<Call>(`/api/calls/${encodeURIComponent(id)}`);
  const translation = useTranslation(id);
  return (
    <>
      <PageHead title="Call">
        <Link to="/calls">← All calls</Link>
      </PageHead>
      <Loader state={call}>
        {(c) => {
          const tools = c.events
            .filter((e) => e.type === 'tool_call')
            .map((e) => ({ at: e.at, data: e.data as ToolCallData }));
          return (
            <div className="call-grid">
              <section className="card facts" aria-label="Summary">
                <dl>
                  <dt>When</dt>
                  <dd>{fmtDateTime(c.startedAt, tz)}</dd>
                  <dt>Caller</dt>
                  <dd>
                    {c.client ? (
                      <>
                        <Link to={`/clients/${c.client.id}`}>{c.client.name}</Link>{' '}
                      </>
                    ) : null}
                    {c.from ?? 'unknown'} <Badge tone="muted">{c.channel}</Badge>
                  </dd>
                  <dt>Outcome</dt>
                  <dd>{c.outcome ? <Badge>{c.outcome}</Badge> : <Badge tone="live">{c.status}</Badge>}</dd>
                  {c.language && (
                    <>
                      <dt>Language</dt>
                      <dd>{languageName(c.language)}</dd>
                    </>
                  )}
                  <dt>Duration</dt>
                  <dd>{fmtDuration(c.durationSec)}</dd>
                  <dt>Cost</dt>
                  <dd>{money(c.costCents)}</dd>
                  {c.callSid && (
                    <>
                      <dt>Call SID</dt>
                      <dd>
                        <code>{c.callSid}</code>
                      </dd>
                    </>
                  )}
                </dl>
                {c.summary && <p>{c.summary}</p>}
                {c.recordingUrl && <Recording path={c.recordingUrl} />}
              </section>
              <section className="card links" aria-label="Linked records">
                <h2>Appointment</h2>
                {c.appointment ? (
                  <p>
                    <Link to={`/calendar?date=${todayIn(tz, new Date(c.appointment.startAt))}`}>
                      {fmtDateTime(c.appointment.startAt, tz)}
                    </Link>{' '}
                    · {c.appointment.customerName} <Badge>{c.appointment.status}</Badge>
                  </p>
                ) : (
                  <p className="muted">None booked.</p>
                )}
                <h2>Lead</h2>
                {c.lead ? (
                  <p>
                    <Link to="/leads">{c.lead.name ?? 'Unknown'}</Link> {c.lead.phone} <Badge>{c.lead.priority}</Badge>{' '}
                    <Badge>{c.lead.status}</Badge>
                    {c.lead.need && (
                      <>
                        <br />
                        {c.lead.need}
                      </>
                    )}
                  </p>
                ) : (
                  <p className="muted">No lead captured.</p>
                )}
              </section>
              <section className="card transcript" aria-labelledby="tr-h">
                <h2 id="tr-h">Transcript</h2>
                {c.language && c.language !== 'en' && c.turns.length > 0 && !translation.lines && (
                  <p className="row">
                    <span className="muted small">As spoken, in {languageName(c.language)}.</span>{' '}
                    <button onClick={() => void translation.ask()} disabled={translation.state === 'busy'}>
                      {translation.state === 'busy' ? 'Translating…' : 'Translate to English'}
                    </button>
                    {translation.state === 'error' && (
                      <span className="muted small" role="status">
                        {' '}
                        {translation.error}
                      </span>
                    )}
                  </p>
                )}
                {c.turns.length === 0 ? (
                  <p className="muted">Nothing was said.</p>
                ) : (
                  <ol className="chat-log">
                    {c.turns
                      .filter((t) => t.text)
                      .map((t) => (
                        <li key={`${t.seq}-${t.role}`} className={t.role === 'agent' ? 'agent' : 'you'}>
                          <span className="who">
                            {t.role === 'agent' ? 'Agent' : 'Caller'} · {fmtTime(t.at, tz)}
                          </span>
                          {t.text}
                          {translation.lines?.get(t.seq) && (
                            <span className="translation muted small" lang="en">
                              <br />
                              {translation.lines.get(t.seq)}
                            </span>
                          )}
                          {t.interrupted && (
                            <span className="muted small">
                              {' '}
                              (interrupted{t.heardText ? `; heard: “${t.heardText}”` : ''})
                            </span>
                          )}
                        </li>
                      ))}
                  </ol>
                )}
              </section>
              <section className="card" aria-labelledby="tool-h">
                <h2 id="tool-h">Tool calls</h2>
                {tools.length === 0 ? (
                  <p className="muted">No tools were used.</p>
                ) : (
                  <ul className="tools">
                    {tools.map((e, i) => (
                      <li key={i}>
                        <details>
                          <summary>
                            <code>{e.data.name ?? e.data.tool}</code>{' '}
                            {e.data.ok === false ? <Badge tone="error">failed</Badge> : <Badge tone="ok">ok</Badge>}{' '}
                            <span className="muted small">{fmtTime(e.at, tz)}</span>
                          </summary>
                          <pre>
                            {JSON.stringify(
                              {
                                args: e.data.args ?? e.data.input,
                                result: e.data.result ?? e.data.output ?? e.data.error,
                              },
                              null,
                              2,
                            )}
                          </pre>
                        </details>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="lat-h">
                <h2 id="lat-h">How quickly the agent answered</h2>
                <p>{answerTimeWords(c.turns.filter((t) => t.role === 'agent').map((t) => t.e2eMs))}</p>
                <details className="advanced">
                  <summary>Advanced: timing of each turn (ms)</summary>
                  <Latency turns={c.turns} />
                </details>
              </section>
            </div>
          );
        }}
      </Loader>
    </>
  );
}
