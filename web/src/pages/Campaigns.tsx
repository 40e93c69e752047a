/** Campaigns: create one (numbers, what to say, window, pace, attempts), start or pause it, and follow every number. */
import { useState, type FormEvent } from 'react';
import { post, type Answer } from '../api.js';
import { useApi, useApiMutation, useInvalidate } from '../queries.js';
import { useCan } from '../session.js';
import { Link, navigate } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, TextArea, useSubmit } from '../ui.js';

/** A campaign with its progress (GET /api/campaigns/:id). */
type Campaign = Answer<'/api/campaigns/{id}'>;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const STATUSES = ['pending', 'calling', 'answered', 'voicemail', 'no_answer', 'failed', 'opted_out'];

function NewCampaign() {
  const s = useSubmit();
  const create = useApiMutation((b: object) => post<Campaign>('/api/campaigns', b), ['campaigns']);
  const [f, setF] = useState({
    name: '',
    numbers: '',
    instructions: '',
    from: '09:00',
    to: '20:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    callsPerMinute: 2,
    maxAttempts: 3,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const c = await create.mutateAsync({
        name: f.name,
        purpose: 'custom',
        numbers: f.numbers
          .split(/[\n,;]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        instructions: f.instructions,
        window: { days: f.days, from: f.from, to: f.to },
        callsPerMinute: Number(f.callsPerMinute),
        maxAttempts: Number(f.maxAttempts),
      });
      navigate(`/campaigns/${c.id}`);
    });
  };
  const numbersError = Object.entries(s.fields).find(([k]) => k.startsWith('numbers'))?.[1];
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-campaign">
      <h2 id="new-campaign">New campaign</h2>
      <Input label="Name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} error={s.fields.name} />
      <TextArea
        label="Numbers (one per line)"
        rows={5}
        value={f.numbers}
        onChange={(e) => setF({ ...f, numbers: e.target.value })}
        error={numbersError}
      />
      <Input
        label="What the call is about"
        value={f.instructions}
        onChange={(e) => setF({ ...f, instructions: e.target.value })}
        placeholder="our spring drain check special"
      />
      <fieldset className="row wrap">
        <legend>Calling days</legend>
        {DAYS.map((d) => (
          <label key={d} className="check-inline">
            <input
              type="checkbox"
              checked={f.days.includes(d)}
              onChange={(e) => setF({ ...f, days: e.target.checked ? [...f.days, d] : f.days.filter((x) => x !== d) })}
            />{' '}
            {d}
          </label>
        ))}
      </fieldset>
      <div className="inline-form">
        <Input label="From" type="time" value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} />
        <Input
          label="To"
          type="time"
          value={f.to}
          onChange={(e) => setF({ ...f, to: e.target.value })}
          error={s.fields['window.to']}
        />
        <Input
          label="Calls per minute"
          type="number"
          min={1}
          max={60}
          value={f.callsPerMinute}
          onChange={(e) => setF({ ...f, callsPerMinute: Number(e.target.value) })}
        />
        <Input
          label="Attempts per number"
          type="number"
          min={1}
          max={5}
          value={f.maxAttempts}
          onChange={(e) => setF({ ...f, maxAttempts: Number(e.target.value) })}
        />
      </div>
      <div className="row">
        <button className="primary" disabled={s.busy}>
          Create
        </button>
      </div>
      <FormError error={s.error} />
    </form>
  );
}

function Detail({ id }: { id: string }) {
  const can = useCan('operations');
  const c = useApi<Campaign>(`/api/campaigns/${id}`);
  const s = useSubmit();
  const setStatus = useApiMutation((what: 'start' | 'pause') => post(`/api/campaigns/${id}/${what}`), ['campaigns']);
  const refresh = useInvalidate();
  const act = (what: 'start' | 'pause') => void s.run(() => setStatus.mutateAsync(what));
  return (
    <Loader state={c}>
      {(d) => (
        <>
          <PageHead title={d.name}>
            <Link to="/campaigns">All campaigns</Link>
            {can && d.status !== 'running' && d.status !== 'done' && (
              <button className="primary" onClick={() => act('start')}>
                Start
              </button>
            )}
            {can && d.status === 'running' && <button onClick={() => act('pause')}>Pause</button>}
            <button onClick={() => void refresh(['campaigns', id])}>Refresh</button>
          </PageHead>
          <FormError error={s.error} />
          <p>
            <Badge>{d.status}</Badge> {d.window.days.join(', ')} {d.window.from}–{d.window.to}, {d.callsPerMinute} calls
            a minute, up to {d.maxAttempts} attempts.
          </p>
          <div className="stats">
            {STATUSES.map((st) => (
              <div key={st} className="card stat">
                <strong>{d.progress?.counts[st] ?? 0}</strong> <span className="muted">{st.replace('_', ' ')}</span>
              </div>
            ))}
          </div>
          <table className="table card">
            <thead>
              <tr>
                <th>Number</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Call</th>
              </tr>
            </thead>
            <tbody>
              {d.progress?.numbers.map((n) => (
                <tr key={n.e164}>
                  <td>{n.e164}</td>
                  <td>
                    <Badge>{n.status}</Badge>
                    {n.lastError === 'do_not_call' && <span className="muted"> on the do-not-call list</span>}
                  </td>
                  <td>{n.attempts}</td>
                  <td>{n.lastCallId ? <Link to={`/calls/${n.lastCallId}`}>open</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Loader>
  );
}

/** The page: the list and the new-campaign form, or one campaign's progress. */
export default function Campaigns({ id }: { id?: string }) {
  const can = useCan('operations');
  const list = useApi<{ items: Campaign[] }>(id ? null : '/api/campaigns');
  if (id) return <Detail id={id} />;
  return (
    <>
      <PageHead title="Campaigns">
        <Link to="/outbound">Outbound calls</Link>
      </PageHead>
      <Loader state={list} empty={(d) => d.items.length === 0 && 'No campaigns yet.'}>
        {(d) => (
          <ul className="list card">
            {d.items.map((c) => (
              <li key={c.id}>
                <Link to={`/campaigns/${c.id}`}>{c.name}</Link> <Badge>{c.status}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Loader>
      {can && <NewCampaign />}
    </>
  );
}
