/** Integrations: calendars (OAuth), the ICS feed and signed outbound webhooks. */
import { useState, type FormEvent } from 'react';
import { del, get, post, type Answer } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useLocation } from '../router.js';
import { useCan } from '../session.js';
import { FormError, Input, Loader, PageHead, useSubmit } from '../ui.js';

const EVENTS = [
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'lead.created',
  'lead.urgent',
  'call.completed',
];
const PROVIDERS = [
  { id: 'google', label: 'Google Calendar' },
  { id: 'microsoft', label: 'Microsoft 365 / Outlook' },
];

/** The page. */
export default function Integrations() {
  const can = useCan('settings');
  const { query } = useLocation();
  const list = useApi<Answer<'/api/integrations'>>('/api/integrations');
  const hooks = useApi<Answer<'/api/webhooks'>>('/api/webhooks');
  const createHook = useApiMutation(
    (b: { url: string; events: string[] }) => post<Answer<'/api/webhooks', 'post'>>('/api/webhooks', b),
    ['webhooks'],
  );
  const deleteHook = useApiMutation((id: string) => del(`/api/webhooks/${id}`), ['webhooks']);
  const disconnect = useApiMutation((provider: string) => del(`/api/integrations/${provider}`), ['integrations']);
  const act = useSubmit();
  const s = useSubmit();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['appointment.booked', 'lead.urgent']);
  const [secret, setSecret] = useState<string | null>(null);
  const back = query.get('integration');

  const connect = (provider: string) =>
    void act.run(async () => {
      // The API answers the provider's consent URL; the callback brings the browser back here with ?integration=&result=.
      const r = await get<{ url: string }>(
        `/api/integrations/${provider}/connect?returnTo=${encodeURIComponent('/integrations')}`,
      );
      location.assign(r.url);
    });

  const addHook = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const h = await createHook.mutateAsync({ url, events });
      setSecret(h.secret ?? null);
      setUrl('');
    });
  };

  return (
    <>
      <PageHead title="Integrations" />
      {back && (
        <p className={`notice${query.get('result') === 'connected' ? '' : ' error'}`} role="status">
          {PROVIDERS.find((p) => p.id === back)?.label ?? back}:{' '}
          {query.get('result') === 'connected' ? 'connected.' : `not connected (${query.get('reason') ?? 'error'}).`}
        </p>
      )}
      <section className="card" aria-labelledby="cal-h">
        <h2 id="cal-h">Calendars</h2>
        <p className="muted">
          Connected calendars are checked for busy times before the agent offers a slot, and bookings are written to
          them.
        </p>
        <Loader state={list}>
          {(d) => (
            <>
              <ul className="list">
                {PROVIDERS.map((p) => {
                  const row = d.items.find((x) => x.provider === p.id);
                  const on = row?.status === 'connected';
                  return (
                    <li key={p.id}>
                      <strong>{p.label}</strong>
                      {on && (
                        <span className="badge ok">connected{row?.accountEmail ? ` as ${row.accountEmail}` : ''}</span>
                      )}
                      {row?.status === 'reauth_required' && <span className="badge error">needs reconnecting</span>}
                      {!on && row?.status !== 'reauth_required' && (
                        <span className="muted">
                          {row && !row.configured ? 'not configured on this server' : 'not connected'}
                        </span>
                      )}
                      {row && row.pendingSyncJobs > 0 && (
                        <span className="muted small">{row.pendingSyncJobs} changes waiting to sync</span>
                      )}
                      {row?.lastError && <span className="field-error">{row.lastError}</span>}
                      {can &&
                        (on ? (
                          <button
                            className="link danger"
                            onClick={() =>
                              confirm(`Disconnect ${p.label}?`) && void act.run(() => disconnect.mutateAsync(p.id))
                            }
                          >
                            Disconnect
                          </button>
                        ) : (
                          <button onClick={() => connect(p.id)} disabled={!!row && !row.configured}>
                            {row?.status === 'reauth_required' ? 'Reconnect' : 'Connect'}
                          </button>
                        ))}
                    </li>
                  );
                })}
              </ul>
              {d.feeds && (
                <div>
                  <h3>Calendar feeds (ICS)</h3>
                  <p className="muted small">
                    Subscribe from any calendar app. Anyone with a link can read it; keep it private.
                  </p>
                  <Input
                    label="Whole business"
                    readOnly
                    value={d.feeds.organization}
                    onFocus={(e) => e.target.select()}
                  />
                  {d.feeds.staff.map((f) => (
                    <Input key={f.staffId} label={f.name} readOnly value={f.url} onFocus={(e) => e.target.select()} />
                  ))}
                </div>
              )}
            </>
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
                  {can && (
                    <button
                      className="link danger"
                      onClick={() =>
                        confirm(`Delete the webhook to ${h.url}?`) && void act.run(() => deleteHook.mutateAsync(h.id))
                      }
                    >
                      Delete
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Loader>
        {can && (
          <form className="stack" onSubmit={addHook} noValidate>
            <Input
              label="Endpoint URL"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              error={s.fields.url}
              placeholder="https://example.com/hooks/infinioffice"
            />
            <fieldset>
              <legend>Events</legend>
              {EVENTS.map((ev) => (
                <label key={ev} className="check-inline">
                  <input
                    type="checkbox"
                    checked={events.includes(ev)}
                    onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
                  />{' '}
                  {ev}
                </label>
              ))}
              {Object.entries(s.fields).find(([k]) => k.startsWith('events'))?.[1] && (
                <small className="field-error">
                  {Object.entries(s.fields).find(([k]) => k.startsWith('events'))?.[1]}
                </small>
              )}
            </fieldset>
            <FormError error={s.error} />
            {secret && (
              <p className="notice" role="status">
                Signing secret (shown once, keep it to verify signatures): <code>{secret}</code>
              </p>
            )}
            <div>
              <button className="primary" disabled={s.busy || !url}>
                Add webhook
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
