/**
 * Appointments: a week calendar per staff member. Create by picking a free cell, move or cancel by opening an
 * appointment. The server's rules apply: a taken slot answers 409 with alternatives, offered here as buttons.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, patch, post, qs } from '../api.js';
import { useCan, useSession } from '../session.js';
import { useLive } from '../live.js';
import { Link, navigate, useLocation } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, Select, TextArea, useFetch, useSubmit } from '../ui.js';
import { addDays, fmtDateTime, fmtTime, mondayOf, todayIn, wall, zonedIso } from '../time.js';
import type { Service, Staff } from '../parts/catalog.js';
import type { WeeklyHours } from '../parts/hours.js';

interface Appointment {
  id: string; serviceId: string; staffId: string | null; start: string; end: string; status: string;
  customer: { name: string; phone: string | null; email: string | null }; notes: string | null; source: string; callId: string | null;
}
interface Slot { start: string; end: string; staffId: string | null }
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const PX_PER_MIN = 0.9;

/** A modal dialog (native <dialog>: focus trap and Escape come with it). */
function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => { const d = ref.current; if (d && !d.open) d.showModal(); }, []);
  return (
    <dialog ref={ref} className="modal" aria-label={title} onClose={onClose} onCancel={onClose}>
      <header className="row space"><h2>{title}</h2><button className="link" onClick={onClose} aria-label="Close">✕</button></header>
      {children}
    </dialog>
  );
}

/** Alternatives from a 409/422 answer, as buttons that retry with that start. */
function Alternatives({ error, tz, onPick }: { error: Error | null; tz: string; onPick(s: Slot): void }) {
  const alts = error instanceof ApiError ? ((error.details as { alternatives?: Slot[] } | undefined)?.alternatives ?? []) : [];
  if (!alts.length) return null;
  return (
    <div className="alts" role="group" aria-label="Free times nearby">
      <p>Free times nearby:</p>
      {alts.map((s) => <button type="button" key={s.start + s.staffId} onClick={() => onPick(s)}>{fmtDateTime(s.start, tz)}</button>)}
    </div>
  );
}

function CreateForm({ tz, services, staff, date, time, staffId, onDone }: {
  tz: string; services: Service[]; staff: Staff[]; date: string; time: string; staffId: string; onDone(a: Appointment): void;
}) {
  const s = useSubmit();
  const key = useMemo(() => crypto.randomUUID(), []);
  const [f, setF] = useState({ serviceId: services[0]?.id ?? '', staffId, date, time, name: '', phone: '', notes: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const book = (over?: Slot) => void s.run(async () => {
    const start = over?.start ?? zonedIso(f.date, f.time, tz);
    const chosenStaff = over ? over.staffId : f.staffId || null;
    const a = await post<Appointment>('/api/appointments', {
      serviceId: f.serviceId, start, staffId: chosenStaff,
      customer: { name: f.name, ...(f.phone.trim() ? { phone: f.phone } : {}) }, ...(f.notes.trim() ? { notes: f.notes } : {}),
    }, { 'Idempotency-Key': `${key}-${start}-${chosenStaff}` });
    onDone(a);
  });
  const submit = (e: FormEvent) => { e.preventDefault(); book(); };
  const fields = s.fields;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Select label="Service" value={f.serviceId} onChange={set('serviceId')} error={fields.serviceId}>{services.map((x) => <option key={x.id} value={x.id}>{x.name} ({x.durationMin} min)</option>)}</Select>
      <Select label="Staff" value={f.staffId} onChange={set('staffId')} error={fields.staffId}><option value="">Anyone free</option>{staff.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}</Select>
      <div className="row wrap">
        <Input label="Date" type="date" value={f.date} onChange={set('date')} error={fields.start} />
        <Input label="Time" type="time" step={300} value={f.time} onChange={set('time')} />
      </div>
      <Input label="Customer name" value={f.name} onChange={set('name')} error={fields['customer.name']} autoComplete="off" />
      <Input label="Customer phone" type="tel" value={f.phone} onChange={set('phone')} error={fields['customer.phone']} autoComplete="off" />
      <TextArea label="Notes" rows={2} value={f.notes} onChange={set('notes')} error={fields.notes} />
      <FormError error={s.error} />
      <Alternatives error={s.error} tz={tz} onPick={(slot) => book(slot)} />
      <div><button className="primary" disabled={s.busy}>{s.busy ? 'Booking…' : 'Book appointment'}</button></div>
    </form>
  );
}

function AppointmentPanel({ a, tz, services, staff, onChanged }: { a: Appointment; tz: string; services: Service[]; staff: Staff[]; onChanged(): void }) {
  const can = useCan('operations');
  const s = useSubmit();
  const w = wall(a.start);
  const [f, setF] = useState({ date: w.date, time: w.time, staffId: a.staffId ?? '' });
  const move = (over?: Slot) => void s.run(async () => {
    await patch(`/api/appointments/${a.id}`, { start: over?.start ?? zonedIso(f.date, f.time, tz), staffId: over ? over.staffId : f.staffId || null });
    onChanged();
  });
  const cancel = () => void s.run(async () => { await post(`/api/appointments/${a.id}/cancel`); onChanged(); });
  const mark = (status: 'completed' | 'no_show') => void s.run(async () => { await patch(`/api/appointments/${a.id}`, { status }); onChanged(); });
  const service = services.find((x) => x.id === a.serviceId)?.name ?? 'Appointment';
  return (
    <div className="stack">
      <p><strong>{service}</strong> for {a.customer.name}{a.customer.phone && <> · <a href={`tel:${a.customer.phone}`}>{a.customer.phone}</a></>}</p>
      <p>{fmtDateTime(a.start, tz)} – {fmtTime(a.end, tz)} · {staff.find((x) => x.id === a.staffId)?.name ?? 'no staff assigned'} <Badge>{a.status}</Badge></p>
      {a.notes && <p className="muted">{a.notes}</p>}
      {a.callId && <p><Link to={`/calls/${a.callId}`}>Open the call that booked it</Link></p>}
      {can && a.status === 'booked' && (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); move(); }} noValidate>
          <h3>Move</h3>
          <div className="row wrap">
            <Input label="New date" type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} error={s.fields.start} />
            <Input label="New time" type="time" step={300} value={f.time} onChange={(e) => setF({ ...f, time: e.target.value })} />
            <Select label="Staff" value={f.staffId} onChange={(e) => setF({ ...f, staffId: e.target.value })}><option value="">Anyone free</option>{staff.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}</Select>
          </div>
          <FormError error={s.error} />
          <Alternatives error={s.error} tz={tz} onPick={(slot) => move(slot)} />
          <div className="row"><button className="primary" disabled={s.busy}>Move appointment</button><button type="button" className="danger" disabled={s.busy} onClick={() => confirm('Cancel this appointment?') && cancel()}>Cancel appointment</button></div>
          <div className="row wrap"><button type="button" disabled={s.busy} onClick={() => mark('completed')}>Mark completed</button><button type="button" disabled={s.busy} onClick={() => mark('no_show')}>Mark no-show</button></div>
        </form>
      )}
    </div>
  );
}

/** The page. */
export default function Calendar() {
  const { organization } = useSession();
  const can = useCan('operations');
  const tz = organization?.timezone ?? 'UTC';
  const { query } = useLocation();
  const week = mondayOf(query.get('date') ?? todayIn(tz));
  const who = query.get('staff') ?? '';
  const from = zonedIso(week, '00:00', tz);
  const to = zonedIso(addDays(week, 7), '00:00', tz);
  const list = useFetch<{ items: Appointment[] }>(`/api/appointments${qs({ from, to, status: 'booked,completed,no_show', limit: 500 })}`);
  const services = useFetch<{ items: Service[] }>('/api/services');
  const staff = useFetch<{ items: Staff[] }>('/api/staff');
  const config = useFetch<{ hours: WeeklyHours }>('/api/config');
  const [dialog, setDialog] = useState<{ kind: 'new'; date: string; time: string } | { kind: 'open'; a: Appointment } | null>(null);
  useLive((e) => { if (e.type.startsWith('appointment.')) void list.reload(); });

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const ranges = Object.values(config.data?.hours ?? {}).flat() as [string, string][];
  const first = Math.min(8, ...ranges.map(([a]) => Number(a.slice(0, 2))));
  const last = Math.max(18, ...ranges.map(([, b]) => Math.ceil(Number(b.slice(0, 2)) + Number(b.slice(3, 5)) / 60)));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const go = (p: Record<string, string>) => {
    const n = new URLSearchParams(query);
    for (const [k, v] of Object.entries(p)) if (v) n.set(k, v); else n.delete(k);
    navigate(`/calendar?${n}`, true);
  };
  const visible = (list.data?.items ?? []).filter((a) => !who || a.staffId === who);
  const svcName = (id: string) => services.data?.items.find((x) => x.id === id)?.name ?? '';
  const staffName = (id: string | null) => staff.data?.items.find((x) => x.id === id)?.name;
  const closed = (d: string, h: number) => {
    const dk = DAY_KEYS[(new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7];
    const hh = `${String(h).padStart(2, '0')}:00`;
    return !(config.data?.hours[dk] ?? []).some(([a, b]) => hh >= a.slice(0, 3) + '00' && hh < b);
  };

  return (
    <>
      <PageHead title="Appointments">
        {can && <button className="primary" onClick={() => setDialog({ kind: 'new', date: todayIn(tz) < week ? week : todayIn(tz), time: '10:00' })}>New appointment</button>}
      </PageHead>
      <div className="row wrap space cal-bar">
        <div className="row">
          <button onClick={() => go({ date: addDays(week, -7) })} aria-label="Previous week">←</button>
          <button onClick={() => go({ date: '' })}>This week</button>
          <button onClick={() => go({ date: addDays(week, 7) })} aria-label="Next week">→</button>
          <strong>Week of {week}</strong>
        </div>
        <div role="tablist" aria-label="Staff" className="tabs">
          <button role="tab" aria-selected={!who} onClick={() => go({ staff: '' })}>Everyone</button>
          {staff.data?.items.map((s) => <button role="tab" key={s.id} aria-selected={who === s.id} onClick={() => go({ staff: s.id })}>{s.name}</button>)}
        </div>
      </div>
      <Loader state={list}>
        {() => (
          <div className="week" style={{ ['--rows' as string]: hours.length }}>
            <div className="col times" aria-hidden="true"><div className="day-head" />{hours.map((h) => <div key={h} className="hour-label">{String(h).padStart(2, '0')}:00</div>)}</div>
            {days.map((d) => {
              const mine = visible.filter((a) => wall(a.start).date === d);
              const isToday = d === todayIn(tz);
              return (
                <div className={`col day${isToday ? ' today' : ''}`} key={d} role="group" aria-label={new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' })}>
                  <div className="day-head">{new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', day: 'numeric', timeZone: 'UTC' })}</div>
                  <div className="day-body" style={{ height: hours.length * 60 * PX_PER_MIN }}>
                    {hours.map((h) => can ? (
                      <button key={h} className={`cell${closed(d, h) ? ' closed' : ''}`} style={{ top: (h - first) * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN }}
                        aria-label={`New appointment ${d} ${h}:00`} onClick={() => setDialog({ kind: 'new', date: d, time: `${String(h).padStart(2, '0')}:00` })} />
                    ) : <div key={h} className={`cell${closed(d, h) ? ' closed' : ''}`} style={{ top: (h - first) * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN }} />)}
                    {mine.map((a) => {
                      const s = wall(a.start).minutes;
                      const e = wall(a.end).date === d ? wall(a.end).minutes : 24 * 60;
                      return (
                        <button key={a.id} className={`appt ${a.status}`} style={{ top: Math.max(0, s - first * 60) * PX_PER_MIN, height: Math.max(22, (e - s) * PX_PER_MIN) }}
                          onClick={() => setDialog({ kind: 'open', a })} aria-label={`${wall(a.start).time} ${svcName(a.serviceId)} for ${a.customer.name}`}>
                          <strong>{wall(a.start).time}</strong> {a.customer.name}<br /><span className="small">{svcName(a.serviceId)}{!who && staffName(a.staffId) ? ` · ${staffName(a.staffId)}` : ''}</span>
                        </button>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </Loader>
      {list.data && visible.length === 0 && <p className="empty">No appointments this week{who ? ` for ${staffName(who)}` : ''}.</p>}
      {dialog?.kind === 'new' && services.data && staff.data && (
        <Modal title="New appointment" onClose={() => setDialog(null)}>
          {services.data.items.length === 0 ? <p>Add a service first under <Link to="/services">Services & staff</Link>.</p> : (
            <CreateForm tz={tz} services={services.data.items} staff={staff.data.items} date={dialog.date} time={dialog.time} staffId={who}
              onDone={(a) => { setDialog(null); void list.reload(); if (mondayOf(wall(a.start).date) !== week) go({ date: wall(a.start).date }); }} />
          )}
        </Modal>
      )}
      {dialog?.kind === 'open' && (
        <Modal title="Appointment" onClose={() => setDialog(null)}>
          <AppointmentPanel a={dialog.a} tz={tz} services={services.data?.items ?? []} staff={staff.data?.items ?? []} onChanged={() => { setDialog(null); void list.reload(); }} />
        </Modal>
      )}
    </>
  );
}
