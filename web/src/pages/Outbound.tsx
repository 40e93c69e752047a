/** Outbound calls: call a customer now (reminder, follow-up or a message of yours), the calls placed, and the do-not-call list. */
import { useState, type FormEvent } from 'react';
import { del, post, qs } from '../api.js';
import { useCan, useSession } from '../session.js';
import { useLive } from '../live.js';
import { Link } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, Select, useFetch, useSubmit } from '../ui.js';
import { fmtDateTime } from '../time.js';
import type { CallRow } from './Calls.js';

interface DncEntry { id: string; e164: string; reason: string | null; source: string; createdAt: string }

function CallNow({ onPlaced }: { onPlaced(): void }) {
  const s = useSubmit();
  const [f, setF] = useState({ to: '', purpose: 'custom', instructions: '', appointmentId: '' });
  const [placed, setPlaced] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const body = { to: f.to, purpose: f.purpose, ...(f.instructions.trim() ? { instructions: f.instructions.trim() } : {}), ...(f.appointmentId ? { appointmentId: f.appointmentId } : {}) };
      const r = await post<{ id: string }>('/api/outbound-calls', body);
      setPlaced(r.id); onPlaced();
    });
  };
  const code = (s.error as { code?: string } | null)?.code;
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="call-now">
      <h2 id="call-now">Call a customer now</h2>
      <div className="inline-form">
        <Input label="Phone number" type="tel" value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} error={s.fields.to} placeholder="+1 312 555 0142" />
        <Select label="Purpose" value={f.purpose} onChange={(e) => setF({ ...f, purpose: e.target.value })}>
          <option value="custom">A message of yours</option><option value="follow_up">Follow up a lead</option><option value="reminder">Appointment reminder</option>
        </Select>
        {f.purpose === 'reminder'
          ? <Input label="Appointment id" value={f.appointmentId} onChange={(e) => setF({ ...f, appointmentId: e.target.value })} error={s.fields.appointmentId} />
          : <Input label="What the call is about" value={f.instructions} maxLength={1000} onChange={(e) => setF({ ...f, instructions: e.target.value })} placeholder="our spring drain check special" error={s.fields.instructions} />}
      </div>
      <div className="row"><button className="primary" disabled={s.busy || !f.to.trim()}>Call</button>
        {placed && !s.error && <span role="status">Calling… <Link to={`/calls/${placed}`}>follow the call</Link></span>}</div>
      {code === 'do_not_call' ? <p className="notice error" role="alert">This number asked not to be called.</p>
        : code === 'outside_calling_window' ? <p className="notice error" role="alert">Outside calling hours (9:00–20:00 your time). Try again later.</p>
          : <FormError error={s.error} />}
    </form>
  );
}

function DoNotCall() {
  const can = useCan('operations');
  const list = useFetch<{ items: DncEntry[] }>('/api/do-not-call');
  const s = useSubmit();
  const [num, setNum] = useState('');
  const add = (e: FormEvent) => { e.preventDefault(); void s.run(async () => { await post('/api/do-not-call', { e164: num }); setNum(''); await list.reload(); }); };
  return (
    <section className="card stack" aria-labelledby="dnc">
      <h2 id="dnc">Do-not-call list</h2>
      <Loader state={list} empty={(d) => d.items.length === 0 && 'Nobody asked not to be called.'}>
        {(d) => <ul className="list">{d.items.map((x) => (
          <li key={x.id}><strong>{x.e164}</strong> <span className="muted">{x.source === 'opt_out' ? 'asked on a call' : x.reason ?? 'added by staff'}</span>
            {can && <button className="link danger" onClick={() => void s.run(async () => { await del(`/api/do-not-call/${x.id}`); await list.reload(); })}>Remove</button>}</li>
        ))}</ul>}
      </Loader>
      {can && <form className="row wrap" onSubmit={add} noValidate>
        <Input label="Add a number" type="tel" value={num} onChange={(e) => setNum(e.target.value)} error={s.fields.e164} />
        <button disabled={s.busy || !num.trim()}>Add</button>
      </form>}
      <FormError error={s.error} />
    </section>
  );
}

/** The page. */
export default function Outbound() {
  const { organization } = useSession();
  const can = useCan('operations');
  const calls = useFetch<{ items: CallRow[] }>(`/api/calls${qs({ limit: 50 })}`);
  useLive((e) => { if (e.type.startsWith('call.') && e.type !== 'call.turn') void calls.reload(); });
  const tz = organization?.timezone ?? 'UTC';
  return (
    <>
      <PageHead title="Outbound calls"><Link to="/campaigns">Campaigns</Link></PageHead>
      {can && <CallNow onPlaced={() => void calls.reload()} />}
      <section className="card" aria-labelledby="placed">
        <h2 id="placed">Calls the agent placed</h2>
        <Loader state={calls} empty={(d) => d.items.every((c) => c.direction !== 'outbound') && 'No outbound calls yet.'}>
          {(d) => (
            <table className="table">
              <thead><tr><th>When</th><th>To</th><th>Status</th><th>Outcome</th></tr></thead>
              <tbody>{d.items.filter((c) => c.direction === 'outbound').map((c) => (
                <tr key={c.id}><td><Link to={`/calls/${c.id}`}>{fmtDateTime(c.startedAt, tz)}</Link></td><td>{c.to}</td><td>{c.status}</td><td>{c.outcome ? <Badge>{c.outcome}</Badge> : '—'}</td></tr>
              ))}</tbody>
            </table>
          )}
        </Loader>
      </section>
      <DoNotCall />
    </>
  );
}
