/** Outbound calls: call a customer now (reminder, follow-up or a message of yours), the calls placed, and the do-not-call list. */
import { useState, type FormEvent } from 'react';
import { del, post, put, qs, type Answer, type Item } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan, useSession } from '../session.js';
import { Link } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, Select, useSubmit } from '../ui.js';
import { fmtDateTime } from '../time.js';
import type { CallRow } from './Calls.js';

/** A number on the do-not-call list (GET /api/do-not-call). */
type DncEntry = Item<'/api/do-not-call'>;

function CallNow() {
  const s = useSubmit();
  // the call shows in the calls list at once (live events keep it current afterwards)
  const place = useApiMutation(
    (b: object) => post<Answer<'/api/outbound-calls', 'post'>>('/api/outbound-calls', b),
    ['calls'],
  );
  const [f, setF] = useState({ to: '', purpose: 'custom', instructions: '', appointmentId: '' });
  const [placed, setPlaced] = useState<{ id: string; waiting: boolean } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const body = {
        to: f.to,
        purpose: f.purpose,
        ...(f.instructions.trim() ? { instructions: f.instructions.trim() } : {}),
        ...(f.appointmentId ? { appointmentId: f.appointmentId } : {}),
      };
      const r = await place.mutateAsync(body);
      setPlaced({ id: r.id, waiting: !!r.waiting });
    });
  };
  const code = (s.error as { code?: string } | null)?.code;
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="call-now">
      <h2 id="call-now">Call a customer now</h2>
      <div className="inline-form">
        <Input
          label="Phone number"
          type="tel"
          value={f.to}
          onChange={(e) => setF({ ...f, to: e.target.value })}
          error={s.fields.to}
          placeholder="+1 312 555 0142"
        />
        <Select label="Purpose" value={f.purpose} onChange={(e) => setF({ ...f, purpose: e.target.value })}>
          <option value="custom">A message of yours</option>
          <option value="follow_up">Follow up a lead</option>
          <option value="reminder">Appointment reminder</option>
        </Select>
        {f.purpose === 'reminder' ? (
          <Input
            label="Appointment id"
            value={f.appointmentId}
            onChange={(e) => setF({ ...f, appointmentId: e.target.value })}
            error={s.fields.appointmentId}
          />
        ) : (
          <Input
            label="What the call is about"
            value={f.instructions}
            maxLength={1000}
            onChange={(e) => setF({ ...f, instructions: e.target.value })}
            placeholder="our spring drain check special"
            error={s.fields.instructions}
          />
        )}
      </div>
      <div className="row">
        <button className="primary" disabled={s.busy || !f.to.trim()}>
          Call
        </button>
        {placed && !s.error && (
          <span role="status">
            {placed.waiting ? 'Every line is busy: the call waits its turn.' : 'Calling…'}{' '}
            <Link to={`/calls/${placed.id}`}>follow the call</Link>
          </span>
        )}
      </div>
      {code === 'do_not_call' ? (
        <p className="notice error" role="alert">
          This number asked not to be called.
        </p>
      ) : code === 'outside_calling_window' ? (
        <p className="notice error" role="alert">
          Outside calling hours (9:00–20:00 your time). Try again later.
        </p>
      ) : (
        <FormError error={s.error} />
      )}
    </form>
  );
}

/** GET /api/outbound-settings. */
type OutboundSettings = Answer<'/api/outbound-settings'>;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The rules of every outbound call (admin): calling hours, lines at once, and the automatic call-back of new leads. */
function Settings() {
  const doc = useApi<OutboundSettings>('/api/outbound-settings', { fresh: true });
  return <Loader state={doc}>{(d) => <SettingsForm initial={d} />}</Loader>;
}

function SettingsForm({ initial }: { initial: OutboundSettings }) {
  const s = useSubmit();
  const save = useApiMutation(
    (b: OutboundSettings) => put('/api/outbound-settings', b),
    ['outbound-settings', 'widget'],
  );
  const [f, setF] = useState(initial);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void s.run(async () => {
      await save.mutateAsync(f);
      setSaved(true);
    });
  };
  const w = f.callingWindow;
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="outbound-settings">
      <h2 id="outbound-settings">Calling rules</h2>
      <fieldset className="row wrap">
        <legend>Calling days</legend>
        {DAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={w.days.includes(d)}
              onChange={(e) =>
                setF({
                  ...f,
                  callingWindow: {
                    ...w,
                    days: e.target.checked
                      ? DAYS.filter((x) => x === d || w.days.includes(x))
                      : w.days.filter((x) => x !== d),
                  },
                })
              }
            />{' '}
            {d}
          </label>
        ))}
      </fieldset>
      <div className="inline-form">
        <Input
          label="Calls from"
          type="time"
          value={w.from}
          onChange={(e) => setF({ ...f, callingWindow: { ...w, from: e.target.value } })}
          error={s.fields['callingWindow.from']}
        />
        <Input
          label="Calls until"
          type="time"
          value={w.to}
          onChange={(e) => setF({ ...f, callingWindow: { ...w, to: e.target.value } })}
          error={s.fields['callingWindow.to']}
        />
        <Input
          label="Calls at once, at most"
          type="number"
          min={1}
          max={50}
          value={f.maxConcurrentCalls}
          onChange={(e) => setF({ ...f, maxConcurrentCalls: Number(e.target.value) })}
          error={s.fields.maxConcurrentCalls}
          hint="More calls wait their turn."
        />
      </div>
      <label>
        <input
          type="checkbox"
          checked={f.callbackCalls}
          onChange={(e) => setF({ ...f, callbackCalls: e.target.checked })}
        />{' '}
        "Call me back" on the website chat calls at once
      </label>
      <div className="row wrap">
        <label>
          <input
            type="checkbox"
            checked={f.followUp.enabled}
            onChange={(e) => setF({ ...f, followUp: { ...f.followUp, enabled: e.target.checked } })}
          />{' '}
          Call back new website and missed-call leads automatically
        </label>
        <Input
          label="Minutes after the lead arrives"
          type="number"
          min={0}
          max={1440}
          value={f.followUp.delayMinutes}
          disabled={!f.followUp.enabled}
          onChange={(e) => setF({ ...f, followUp: { ...f.followUp, delayMinutes: Number(e.target.value) } })}
          error={s.fields['followUp.delayMinutes']}
        />
      </div>
      <div className="row">
        <button className="primary" disabled={s.busy}>
          Save rules
        </button>
        {saved && !s.error && <span role="status">Saved.</span>}
      </div>
      <FormError error={s.error} />
    </form>
  );
}

function DoNotCall() {
  const can = useCan('operations');
  const list = useApi<{ items: DncEntry[] }>('/api/do-not-call');
  const addOne = useApiMutation((e164: string) => post('/api/do-not-call', { e164 }), ['do-not-call']);
  const removeOne = useApiMutation((id: string) => del(`/api/do-not-call/${id}`), ['do-not-call']);
  const s = useSubmit();
  const [num, setNum] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await addOne.mutateAsync(num);
      setNum('');
    });
  };
  return (
    <section className="card stack" aria-labelledby="dnc">
      <h2 id="dnc">Do-not-call list</h2>
      <Loader state={list} empty={(d) => d.items.length === 0 && 'Nobody asked not to be called.'}>
        {(d) => (
          <ul className="list">
            {d.items.map((x) => (
              <li key={x.id}>
                <strong>{x.e164}</strong>{' '}
                <span className="muted">
                  {x.source === 'opt_out' ? 'asked on a call' : (x.reason ?? 'added by staff')}
                </span>
                {can && (
                  <button className="link danger" onClick={() => void s.run(() => removeOne.mutateAsync(x.id))}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loader>
      {can && (
        <form className="row wrap" onSubmit={add} noValidate>
          <Input
            label="Add a number"
            type="tel"
            value={num}
            onChange={(e) => setNum(e.target.value)}
            error={s.fields.e164}
          />
          <button disabled={s.busy || !num.trim()}>Add</button>
        </form>
      )}
      <FormError error={s.error} />
    </section>
  );
}

/** The page. */
export default function Outbound() {
  const { organization } = useSession();
  const can = useCan('operations');
  const admin = useCan('settings');
  const calls = useApi<{ items: CallRow[] }>(`/api/calls${qs({ direction: 'outbound', limit: 50 })}`);
  const tz = organization?.timezone ?? 'UTC';
  return (
    <>
      <PageHead title="Outbound calls">
        <Link to="/campaigns">Campaigns</Link>
      </PageHead>
      {can && <CallNow />}
      <section className="card" aria-labelledby="placed">
        <h2 id="placed">Calls the agent placed</h2>
        <Loader state={calls} empty={(d) => d.items.length === 0 && 'No outbound calls yet.'}>
          {(d) => (
            <table className="table">
              <thead>
                <tr>
                  <th>When</th>
                  <th>To</th>
                  <th>Status</th>
                  <th>Outcome</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/calls/${c.id}`}>{fmtDateTime(c.startedAt, tz)}</Link>
                    </td>
                    <td>{c.to}</td>
                    <td>{c.status}</td>
                    <td>{c.outcome ? <Badge>{c.outcome}</Badge> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loader>
      </section>
      {admin && <Settings />}
      <DoNotCall />
    </>
  );
}
