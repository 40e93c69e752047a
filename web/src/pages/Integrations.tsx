/** Integrations: calendars (OAuth), the ICS feed and signed outbound webhooks. */
import { useState, type FormEvent } from 'react';
import { ApiError, del, get, post } from '../api.js';
import { useCan } from '../session.js';
import { FormError, Input, Loader, PageHead, useFetch, useSubmit } from '../ui.js';

const EVENTS = ['appointment.booked', 'appointment.moved', 'appointment.cancelled', 'lead.created', 'lead.urgent', 'call.completed'];
const PROVIDERS = [{ id: 'google', label: 'Google Calendar' }, { id: 'microsoft', label: 'Microsoft 365 / Outlook' }];

/** The page. */
export default function Integrations() {
  const can = useCan('settings');
  const list = useFetch<{ items: { provider: string; status?: string; connected?: boolean; accountEmail?: string | null }[] }>('/api/integrations');
  const hooks = useFetch<{ items: { id: string; url: string; events: string[]; secret?: string }[] }>('/api/webhooks');
  const act = useSubmit();
  const s = useSubmit();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['appointment.booked', 'lead.urgent']);
  const [secret, setSecret] = useState<string | null>(null);

  const connect = (provider: string) => void act.run(async () => {
    // The OAuth start answers a redirect to the provider or JSON with the URL; both end at the provider's consent page.
    const r = await get<{ url?: string; authorizeUrl?: string }>(`/api/integrations/${provider}/connect`).catch((e: ApiError) => { throw e; });
    const to = r?.url ?? r?.authorizeUrl;
    if (to) location.assign(to); else throw new Error('The server did not answer an authorization URL.');
  });

  const addHook = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const h = await post<{ secret?: string }>('/api/webhooks', { url, events });
      setSecret(h.secret ?? null); setUrl(''); await hooks.reload();
    });
  };

  return (
    <>
      <PageHead title="Integrations" />
      <section className="card" aria-labelledby="cal-h">
        <h2 id="cal-h">Calendars</h2>
        <p className="muted">Connected calendars are checked for busy times before the agent offers a slot, and bookings are written to them.</p>
        <Loader state={list}>
          {(d) => (
            <ul className="list">
              {PROVIDERS.map((p) => {
                const row = d.items.find((x) => x.provider === p.id);
                const on = row && (row.connected ?? row.status !== 'disconnected');
                return (
                  <li key={p.id}>
                    <strong>{p.label}</strong> {on ? <span className="badge ok">connected {row?.accountEmail ?? ''}</span> : <span className="muted">not connected</span>}
                    {can && (on
                      ? <button className="link danger" onClick={() => void act.run(async () => { await del(`/api/integrations/${p.id}`); await list.reload(); })}>Disconnect</button>
                      : <button onClick={() => connect(p.id)}>Connect</button>)}
                  </li>
                );
              })}
            </ul>
          )}
        </Loader>
        <FormError error={act.error} />
      </section>
      <section className="card" aria-labelledby="wh-h">
        <h2 id="wh-h">Webhooks</h2>
        <Loader state={hooks} empty={(d) => d.items.length === 0 && 'No webhooks.'}>
          {(d) => (
            <ul className="list">
              {d.items.map((h) => (
                <li key={h.id}>
                  <code>{h.url}</code> <span className="muted small">{h.events.join(', ')}</span>
                  {can && <button className="link danger" onClick={() => void act.run(async () => { await del(`/api/webhooks/${h.id}`); await hooks.reload(); })}>Delete</button>}
                </li>
              ))}
            </ul>
          )}
        </Loader>
        {can && (
          <form className="stack" onSubmit={addHook} noValidate>
            <Input label="Endpoint URL" type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={s.fields.url} placeholder="https://example.com/hooks/infinioffice" />
            <fieldset>
              <legend>Events</legend>
              {EVENTS.map((ev) => (
                <label key={ev} className="check-inline"><input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} /> {ev}</label>
              ))}
              {s.fields.events && <small className="field-error">{s.fields.events}</small>}
            </fieldset>
            <FormError error={s.error} />
            {secret && <p className="notice" role="status">Signing secret (shown once): <code>{secret}</code></p>}
            <div><button className="primary" disabled={s.busy || !url}>Add webhook</button></div>
          </form>
        )}
      </section>
    </>
  );
}
