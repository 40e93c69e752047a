/** Notifications (which events go where, who is on call, quiet hours) and the dev inbox (what would have been sent). */
import { useState, type FormEvent } from 'react';
import { put, type Answer } from '../api.js';
import { useCan, useSession } from '../session.js';
import { FormError, Input, Loader, PageHead, useSubmit } from '../ui.js';
import { useApi, useApiMutation } from '../queries.js';
import { fmtDateTime } from '../time.js';
import { PhoneAlerts } from '../parts/phone-alerts.js';

type Channel = 'email' | 'sms' | 'call';
/** GET /api/notifications: the effective settings. */
type Settings = Answer<'/api/notifications'>;
const EVENT_LABELS: Record<string, string> = {
  'appointment.booked': 'Appointment booked',
  'appointment.moved': 'Appointment moved',
  'appointment.cancelled': 'Appointment cancelled',
  'lead.created': 'New lead',
  'lead.urgent': 'Urgent lead (emergency)',
  'call.completed': 'Call completed',
};
const CHANNELS: Channel[] = ['email', 'sms', 'call'];
const list = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
/** The first field error under a path prefix (`emails` also catches `emails.1`). */
const under = (fields: Record<string, string>, prefix: string) =>
  Object.entries(fields).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

function SettingsForm({ initial, readOnly }: { initial: Settings; readOnly: boolean }) {
  const [f, setF] = useState(initial);
  const [text, setText] = useState({
    emails: initial.emails.join(', '),
    phones: initial.phones.join(', '),
    onCall: initial.onCall.join(', '),
  });
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  const save = useApiMutation((b: object) => put<Settings>('/api/notifications', b), ['notifications', 'setup-status']);
  const change = (next: Settings) => {
    setSaved(false);
    setF(next);
  };
  const toggle = (ev: string, ch: Channel, on: boolean) =>
    change({ ...f, events: { ...f.events, [ev]: on ? [...f.events[ev], ch] : f.events[ev].filter((x) => x !== ch) } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const after = await save.mutateAsync({
        events: f.events,
        emails: list(text.emails),
        phones: list(text.phones),
        onCall: list(text.onCall),
        customer: f.customer,
        escalation: f.escalation,
        quietHours: f.quietHours,
        dailySummary: f.dailySummary,
      });
      setF(after);
      setText({ emails: after.emails.join(', '), phones: after.phones.join(', '), onCall: after.onCall.join(', ') });
      setSaved(true);
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <table className="table matrix">
        <caption className="sr-only">Which events are sent by which channel</caption>
        <thead>
          <tr>
            <th>Event</th>
            {CHANNELS.map((c) => (
              <th key={c}>{c === 'call' ? 'alert call' : c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.keys(f.events).map((ev) => (
            <tr key={ev}>
              <th scope="row">{EVENT_LABELS[ev] ?? ev}</th>
              {CHANNELS.map((c) => (
                <td key={c}>
                  <input
                    type="checkbox"
                    aria-label={`${EVENT_LABELS[ev] ?? ev} by ${c}`}
                    checked={f.events[ev].includes(c)}
                    disabled={readOnly}
                    onChange={(e) => toggle(ev, c, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {under(s.fields, 'events') && <small className="field-error">{under(s.fields, 'events')}</small>}
      <Input
        label="Emails (comma separated)"
        value={text.emails}
        disabled={readOnly}
        onChange={(e) => {
          setSaved(false);
          setText({ ...text, emails: e.target.value });
        }}
        error={under(s.fields, 'emails')}
      />
      <Input
        label="SMS numbers"
        value={text.phones}
        disabled={readOnly}
        onChange={(e) => {
          setSaved(false);
          setText({ ...text, phones: e.target.value });
        }}
        error={under(s.fields, 'phones')}
      />
      <Input
        label="On-call numbers for emergencies, in order"
        value={text.onCall}
        disabled={readOnly}
        onChange={(e) => {
          setSaved(false);
          setText({ ...text, onCall: e.target.value });
        }}
        error={under(s.fields, 'onCall')}
      />
      <fieldset>
        <legend>Customers get a confirmation by</legend>
        <label className="check-inline">
          <input
            type="checkbox"
            checked={f.customer.email}
            disabled={readOnly}
            onChange={(e) => change({ ...f, customer: { ...f.customer, email: e.target.checked } })}
          />{' '}
          email
        </label>
        <label className="check-inline">
          <input
            type="checkbox"
            checked={f.customer.sms}
            disabled={readOnly}
            onChange={(e) => change({ ...f, customer: { ...f.customer, sms: e.target.checked } })}
          />{' '}
          SMS
        </label>
      </fieldset>
      <fieldset>
        <legend>Emergency escalation</legend>
        <div className="row wrap">
          <Input
            label="Wait for an answer (seconds)"
            type="number"
            min={5}
            max={3600}
            value={f.escalation.waitSec}
            disabled={readOnly}
            onChange={(e) => change({ ...f, escalation: { ...f.escalation, waitSec: Number(e.target.value) } })}
            error={under(s.fields, 'escalation.waitSec')}
          />
          <Input
            label="Rounds through the list"
            type="number"
            min={1}
            max={20}
            value={f.escalation.maxRounds}
            disabled={readOnly}
            onChange={(e) => change({ ...f, escalation: { ...f.escalation, maxRounds: Number(e.target.value) } })}
            error={under(s.fields, 'escalation.maxRounds')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Quiet hours (only urgent alerts)</legend>
        <label className="check-inline">
          <input
            type="checkbox"
            checked={!!f.quietHours}
            disabled={readOnly}
            onChange={(e) => change({ ...f, quietHours: e.target.checked ? { start: '21:00', end: '07:00' } : null })}
          />{' '}
          On
        </label>
        {f.quietHours && (
          <div className="row wrap">
            <Input
              label="From"
              type="time"
              value={f.quietHours.start}
              disabled={readOnly}
              onChange={(e) => change({ ...f, quietHours: { ...f.quietHours!, start: e.target.value } })}
              error={under(s.fields, 'quietHours.start')}
            />
            <Input
              label="Until"
              type="time"
              value={f.quietHours.end}
              disabled={readOnly}
              onChange={(e) => change({ ...f, quietHours: { ...f.quietHours!, end: e.target.value } })}
              error={under(s.fields, 'quietHours.end')}
            />
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Daily summary email</legend>
        <div className="row wrap">
          <label className="check-inline">
            <input
              type="checkbox"
              checked={f.dailySummary.enabled}
              disabled={readOnly}
              onChange={(e) => change({ ...f, dailySummary: { ...f.dailySummary, enabled: e.target.checked } })}
            />{' '}
            Send one every day at
          </label>
          <Input
            label="Time"
            type="time"
            value={f.dailySummary.at}
            disabled={readOnly}
            onChange={(e) => change({ ...f, dailySummary: { ...f.dailySummary, at: e.target.value } })}
            error={under(s.fields, 'dailySummary.at')}
          />
        </div>
      </fieldset>
      <FormError error={s.error} />
      {!readOnly && (
        <div className="row">
          <button className="primary" disabled={s.busy}>
            Save notifications
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

/** The page. */
export default function Notifications() {
  const can = useCan('settings');
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const doc = useApi<Settings>('/api/notifications', { fresh: true });
  const [channel, setChannel] = useState('');
  // kept current by the live events (useLiveInvalidation): a message sent shows without reloading
  const inbox = useApi<Answer<'/api/dev-inbox'>>(`/api/dev-inbox${channel ? `?channel=${channel}` : ''}`, {
    keep: true,
  });
  return (
    <>
      <PageHead title="Notifications" />
      <PhoneAlerts />
      <section className="card" aria-labelledby="nh">
        <h2 id="nh">Where alerts go</h2>
        <Loader state={doc}>{(d) => <SettingsForm initial={d} readOnly={!can} />}</Loader>
      </section>
      <section className="card" aria-labelledby="ih">
        <div className="row wrap space">
          <h2 id="ih">Dev inbox</h2>
          <label>
            Channel{' '}
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">All</option>
              <option>email</option>
              <option>sms</option>
              <option>call</option>
              <option>webhook</option>
            </select>
          </label>
        </div>
        <p className="muted">
          Every email, SMS, alert call and webhook the product would have sent while no real channel is configured.
        </p>
        <Loader state={inbox} empty={(d) => d.items.length === 0 && 'Nothing sent yet.'}>
          {(d) => (
            <ul className="inbox">
              {d.items.map((m) => (
                <li key={m.id}>
                  <details>
                    <summary>
                      <span className={`badge ${m.channel}`}>{m.channel}</span>{' '}
                      <strong>{m.subject ?? m.text.slice(0, 80)}</strong>{' '}
                      <span className="muted small">
                        to {m.to} · {fmtDateTime(m.createdAt, tz)}
                      </span>
                    </summary>
                    <pre>{m.text}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Loader>
      </section>
    </>
  );
}
