/** "Test your agent": a chat box over the chat widget's own routes, so a test leaves a normal call record. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useSession } from '../session.js';
import { Link } from '../router.js';

type Line = { who: 'agent' | 'you'; text: string };

/** Talks to the brain through `POST /api/chat/:orgKey/sessions[/:id/messages]`. */
export function ChatBox() {
  const { organization } = useSession();
  // Only admins are shown the public chat key; everyone else tests through their own organization ("mine", signed in).
  const key = organization?.chatKey ?? (organization ? 'mine' : undefined);
  const auth = key === 'mine';
  const [session, setSession] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const log = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [lines]);

  const start = async () => {
    if (!key) return;
    setBusy(true);
    setError(null);
    setDone(false);
    setLines([]);
    try {
      const s = await api<{ id: string; greeting: string }>(`/api/chat/${encodeURIComponent(key)}/sessions`, {
        method: 'POST',
        body: { channel: 'test' },
      }); // a test chat is opened by the signed-in owner only
      setSession(s.id);
      setLines([{ who: 'agent', text: s.greeting }]);
      setTimeout(() => input.current?.focus(), 0);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t || !session || busy) return;
    setText('');
    setLines((l) => [...l, { who: 'you', text: t }]);
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ reply: string; done: boolean }>(
        `/api/chat/${encodeURIComponent(key!)}/sessions/${session}/messages`,
        { method: 'POST', body: { text: t }, auth },
      );
      setLines((l) => [...l, { who: 'agent', text: r.reply }]);
      if (r.done) setDone(true);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      setTimeout(() => input.current?.focus(), 0);
    }
  };

  const end = async () => {
    if (!session || !key) return;
    try {
      await api(`/api/chat/${encodeURIComponent(key)}/sessions/${session}/end`, { method: 'POST', body: {}, auth });
    } catch {
      /* already ended */
    }
    setDone(true);
  };

  return (
    <div className="chat card">
      {!session ? (
        <div>
          <p>
            Chat with your receptionist as a customer would. The conversation is saved like a call, so you will find it
            under Calls.
          </p>
          <button className="primary" onClick={() => void start()} disabled={busy || !key}>
            {busy ? 'Starting…' : 'Start a test conversation'}
          </button>
        </div>
      ) : (
        <>
          <ol className="chat-log" ref={log} aria-live="polite" aria-label="Conversation">
            {lines.map((l, i) => (
              <li key={i} className={l.who}>
                <span className="sr-only">{l.who === 'agent' ? 'Agent:' : 'You:'}</span>
                {l.text}
              </li>
            ))}
            {busy && (
              <li className="agent typing" aria-label="Agent is typing">
                …
              </li>
            )}
          </ol>
          {done ? (
            <p className="notice">
              The conversation has ended. <Link to={`/calls/${session}`}>Open its call record</Link> ·{' '}
              <button className="link" onClick={() => void start()}>
                Start another
              </button>
            </p>
          ) : (
            <form className="chat-form" onSubmit={send}>
              <label className="sr-only" htmlFor="chat-input">
                Your message
              </label>
              <input
                id="chat-input"
                ref={input}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="Type as a customer would…"
                autoComplete="off"
              />
              <button className="primary" disabled={busy || !text.trim()}>
                Send
              </button>
              <button type="button" onClick={() => void end()} disabled={busy}>
                End
              </button>
            </form>
          )}
        </>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
