/**
 * Appointments: a day view with one column per staff member and a week view. Create by picking a free cell;
 * drag an appointment to move it (to another time, day or staff member) and its bottom edge to change its
 * length; block time for breaks and time off. The server's rules apply: a taken slot answers 409 with
 * alternatives, offered here as buttons with a plain message.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, del, patch, post, qs, type Item } from '../api.js';
import { useCan, useSession } from '../session.js';
import { useApi, useInvalidate } from '../queries.js';
import { Link, navigate, useLocation } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, Select, TextArea, useSubmit } from '../ui.js';
import { addDays, fmtDateTime, fmtTime, mondayOf, todayIn, wall, zonedIso } from '../time.js';
import { startDrag, type Drop } from '../parts/drag.js';
import type { Service, Staff } from '../parts/catalog.js';
import type { WeeklyHours } from '../parts/hours.js';

/** An appointment as listed by GET /api/appointments (the generated contract). */
type Appointment = Item<'/api/appointments'>;
/** A free time offered after a conflict (the 409's `details.alternatives`). */
interface Slot {
  start: string;
  end: string;
  staffId: string | null;
}
/** A break or time off (GET /api/blocked-times). */
type Blocked = Item<'/api/blocked-times'>;

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Blocks time for a staff member (or everyone): a break or time off. */
function BlockForm({ tz, staff, date, onDone }: { tz: string; staff: Staff[]; date: string; onDone(): void }) {
  const s = useSubmit();
  const [f, setF] = useState({
    staffId: staff[0]?.id ?? '',
    kind: 'break',
    date,
    from: '12:00',
    toDate: date,
    to: '13:00',
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: e.target.value });
    setProblem(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = zonedIso(f.date, f.from, tz);
    const end = zonedIso(f.kind === 'break' ? f.date : f.toDate, f.to, tz);
    if (Date.parse(end) <= Date.parse(start)) {
      setProblem('The end must be after the start');
      return;
    }
    void s.run(async () => {
      await post('/api/blocked-times', {
        staffId: f.staffId || null,
        kind: f.kind,
        start,
        end,
        reason: f.reason.trim() || null,
      });
      onDone();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Block time">
      <Select label="Who" value={f.staffId} onChange={set('staffId')}>
        {staff.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
        <option value="">Everyone (business closed)</option>
      </Select>
      <Select label="Kind" value={f.kind} onChange={set('kind')}>
        <option value="break">Break</option>
        <option value="time_off">Time off</option>
      </Select>
      <div className="row wrap">
        <Input label="From date" type="date" value={f.date} onChange={set('date')} />
        <Input label="From" type="time" step={300} value={f.from} onChange={set('from')} />
        {f.kind === 'time_off' && <Input label="Until date" type="date" value={f.toDate} onChange={set('toDate')} />}
        <Input label="Until" type="time" step={300} value={f.to} onChange={set('to')} error={problem ?? s.fields.end} />
      </div>
      <Input label="Reason (optional)" value={f.reason} maxLength={200} onChange={set('reason')} />
      <FormError error={s.error} />
      <div>
        <button className="primary" disabled={s.busy}>
          Block this time
        </button>
      </div>
    </form>
  );
}
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const PX_PER_MIN = 0.9;

/** A modal dialog (native <dialog>: focus trap and Escape come with it). */
function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-label={title} onClose={onClose} onCancel={onClose}>
      <header className="row space">
        <h2>{title}</h2>
        <button className="link" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}

/** Alternatives from a 409/422 answer, as buttons that retry with that start. */
function Alternatives({ error, tz, onPick }: { error: Error | null; tz: string; onPick(s: Slot): void }) {
  const alts =
    error instanceof ApiError ? ((error.details as { alternatives?: Slot[] } | undefined)?.alternatives ?? []) : [];
  if (!alts.length) return null;
  return (
    <div className="alts" role="group" aria-label="Free times nearby">
      <p>Free times nearby:</p>
      {alts.map((s) => (
        <button type="button" key={s.start + s.staffId} onClick={() => onPick(s)}>
          {fmtDateTime(s.start, tz)}
        </button>
      ))}
    </div>
  );
}

function CreateForm({
  tz,
  services,
  staff,
  date,
  time,
  staffId,
  onDone,
}: {
  tz: string;
  services: Service[];
  staff: Staff[];
  date: string;
  time: string;
  staffId: string;
  onDone(a: Appointment): void;
}) {
  const s = useSubmit();
  const key = useMemo(() => crypto.randomUUID(), []);
  const [f, setF] = useState({ serviceId: services[0]?.id ?? '', staffId, date, time, name: '', phone: '', notes: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const book = (over?: Slot) =>
    void s.run(async () => {
      const start = over?.start ?? zonedIso(f.date, f.time, tz);
      const chosenStaff = over ? over.staffId : f.staffId || null;
      const a = await post<Appointment>(
        '/api/appointments',
        {
          serviceId: f.serviceId,
          start,
          staffId: chosenStaff,
          customer: { name: f.name, ...(f.phone.trim() ? { phone: f.phone } : {}) },
          ...(f.notes.trim() ? { notes: f.notes } : {}),
        },
        { 'Idempotency-Key': `${key}-${start}-${chosenStaff}` },
      );
      onDone(a);
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    book();
  };
  const fields = s.fields;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Select label="Service" value={f.serviceId} onChange={set('serviceId')} error={fields.serviceId}>
        {services.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name} ({x.durationMin} min)
          </option>
        ))}
      </Select>
      <Select label="Staff" value={f.staffId} onChange={set('staffId')} error={fields.staffId}>
        <option value="">Anyone free</option>
        {staff.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </Select>
      <div className="row wrap">
        <Input label="Date" type="date" value={f.date} onChange={set('date')} error={fields.start} />
        <Input label="Time" type="time" step={300} value={f.time} onChange={set('time')} />
      </div>
      <Input
        label="Customer name"
        value={f.name}
        onChange={set('name')}
        error={fields['customer.name']}
        autoComplete="off"
      />
      <Input
        label="Customer phone"
        type="tel"
        value={f.phone}
        onChange={set('phone')}
        error={fields['customer.phone']}
        autoComplete="off"
      />
      <TextArea label="Notes" rows={2} value={f.notes} onChange={set('notes')} error={fields.notes} />
      <FormError error={s.error} />
      <Alternatives error={s.error} tz={tz} onPick={(slot) => book(slot)} />
      <div>
        <button className="primary" disabled={s.busy}>
          {s.busy ? 'Booking…' : 'Book appointment'}
        </button>
      </div>
    </form>
  );
}

function AppointmentPanel({
  a,
  tz,
  services,
  staff,
  onChanged,
}: {
  a: Appointment;
  tz: string;
  services: Service[];
  staff: Staff[];
  onChanged(): void;
}) {
  const can = useCan('operations');
  const s = useSubmit();
  const w = wall(a.start);
  const [f, setF] = useState({ date: w.date, time: w.time, staffId: a.staffId ?? '' });
  const move = (over?: Slot) =>
    void s.run(async () => {
      await patch(`/api/appointments/${a.id}`, {
        start: over?.start ?? zonedIso(f.date, f.time, tz),
        staffId: over ? over.staffId : f.staffId || null,
      });
      onChanged();
    });
  const cancel = () =>
    void s.run(async () => {
      await post(`/api/appointments/${a.id}/cancel`);
      onChanged();
    });
  const mark = (status: 'completed' | 'no_show') =>
    void s.run(async () => {
      await patch(`/api/appointments/${a.id}`, { status });
      onChanged();
    });
  const service = services.find((x) => x.id === a.serviceId)?.name ?? 'Appointment';
  return (
    <div className="stack">
      <p>
        <strong>{service}</strong> for {a.customer.name}
        {a.customer.phone && (
          <>
            {' '}
            · <a href={`tel:${a.customer.phone}`}>{a.customer.phone}</a>
          </>
        )}
      </p>
      <p>
        {fmtDateTime(a.start, tz)} – {fmtTime(a.end, tz)} ·{' '}
        {staff.find((x) => x.id === a.staffId)?.name ?? 'no staff assigned'} <Badge>{a.status}</Badge>
      </p>
      {a.notes && <p className="muted">{a.notes}</p>}
      {a.callId && (
        <p>
          <Link to={`/calls/${a.callId}`}>Open the call that booked it</Link>
        </p>
      )}
      {can && a.status === 'booked' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            move();
          }}
          noValidate
        >
          <h3>Move</h3>
          <div className="row wrap">
            <Input
              label="New date"
              type="date"
              value={f.date}
              onChange={(e) => setF({ ...f, date: e.target.value })}
              error={s.fields.start}
            />
            <Input
              label="New time"
              type="time"
              step={300}
              value={f.time}
              onChange={(e) => setF({ ...f, time: e.target.value })}
            />
            <Select label="Staff" value={f.staffId} onChange={(e) => setF({ ...f, staffId: e.target.value })}>
              <option value="">Anyone free</option>
              {staff.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          </div>
          <FormError error={s.error} />
          <Alternatives error={s.error} tz={tz} onPick={(slot) => move(slot)} />
          <div className="row">
            <button className="primary" disabled={s.busy}>
              Move appointment
            </button>
            <button
              type="button"
              className="danger"
              disabled={s.busy}
              onClick={() => confirm('Cancel this appointment?') && cancel()}
            >
              Cancel appointment
            </button>
          </div>
          <div className="row wrap">
            <button type="button" disabled={s.busy} onClick={() => mark('completed')}>
              Mark completed
            </button>
            <button type="button" disabled={s.busy} onClick={() => mark('no_show')}>
              Mark no-show
            </button>
          </div>
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
  const view = query.get('view') === 'day' ? 'day' : 'week';
  const date = query.get('date') ?? todayIn(tz);
  const week = mondayOf(date);
  const who = query.get('staff') ?? '';
  const from = zonedIso(view === 'day' ? date : week, '00:00', tz);
  const to = zonedIso(addDays(view === 'day' ? date : week, view === 'day' ? 1 : 7), '00:00', tz);
  // bookings the agent makes arrive through the live events (useLiveInvalidation)
  const list = useApi<{ items: Appointment[] }>(
    `/api/appointments${qs({ from, to, status: 'booked,completed,no_show', limit: 500 })}`,
  );
  const blocked = useApi<{ items: Blocked[] }>(`/api/blocked-times${qs({ from, to })}`);
  const changed = useInvalidate();
  /** A booking was made, moved, resized, cancelled or marked: every view of appointments and openings loads again. */
  const bookingsChanged = () => changed('appointments', 'availability', 'dashboard', 'clients');
  const blocksChanged = () => changed('blocked-times', 'availability');
  const [dragError, setDragError] = useState<{ error: ApiError; a: Appointment } | null>(null);
  const services = useApi<{ items: Service[] }>('/api/services');
  const staff = useApi<{ items: Staff[] }>('/api/staff');
  const config = useApi<{ hours: WeeklyHours }>('/api/config');
  const [dialog, setDialog] = useState<
    | { kind: 'new'; date: string; time: string; staffId?: string }
    | { kind: 'open'; a: Appointment }
    | { kind: 'block'; date: string }
    | null
  >(null);

  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  /** The columns: each staff member on one day (day view), or each day of the week. */
  const staffCols: { id: string; name: string }[] = staff.data?.items.length
    ? staff.data.items.filter((x) => !who || x.id === who).map((x) => ({ id: x.id, name: x.name }))
    : [{ id: '', name: organization?.name ?? 'Bookings' }];
  const columns =
    view === 'day'
      ? staffCols.map((c) => ({
          key: c.id || 'org',
          date,
          staffId: c.id || null,
          head: c.name,
          label: `${c.name} on ${date}`,
        }))
      : days.map((d) => ({
          key: d,
          date: d,
          staffId: undefined as string | null | undefined,
          head: new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
            weekday: 'short',
            day: 'numeric',
            timeZone: 'UTC',
          }),
          label: new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
            weekday: 'long',
            month: 'short',
            day: 'numeric',
            timeZone: 'UTC',
          }),
        }));
  const inColumn = (c: (typeof columns)[number], item: { start: string; staffId: string | null }) =>
    wall(item.start).date === c.date &&
    (c.staffId === undefined
      ? !who || item.staffId === who || item.staffId === null
      : item.staffId === c.staffId ||
        (item.staffId === null && view === 'day' && staffCols.length === 1 && !c.staffId));
  const change = async (a: Appointment, body: Record<string, unknown>) => {
    setDragError(null);
    try {
      await patch(`/api/appointments/${a.id}`, body);
    } catch (e) {
      if (e instanceof ApiError) setDragError({ error: e, a });
      else throw e;
    }
    await bookingsChanged();
  };
  const dropped = (a: Appointment, d: Drop) => {
    if (d.mode === 'resize') {
      const length = (Date.parse(a.end) - Date.parse(a.start)) / 60_000;
      const next = Math.max(15, length + d.minutes);
      if (next !== length) void change(a, { durationMin: next });
      return;
    }
    const col = d.column?.dataset;
    const targetDate = col?.date ?? wall(a.start).date;
    const minutes = Math.min(24 * 60 - 15, Math.max(0, wall(a.start).minutes + d.minutes));
    const body: Record<string, unknown> = { start: zonedIso(targetDate, hhmm(minutes), tz) };
    if (col && col.staff !== undefined && col.staff !== (a.staffId ?? '')) body.staffId = col.staff || null;
    if (body.start !== a.start || 'staffId' in body) void change(a, body);
  };

  const ranges = Object.values(config.data?.hours ?? {}).flat() as [string, string][];
  const first = Math.min(8, ...ranges.map(([a]) => Number(a.slice(0, 2))));
  const last = Math.max(18, ...ranges.map(([, b]) => Math.ceil(Number(b.slice(0, 2)) + Number(b.slice(3, 5)) / 60)));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const go = (p: Record<string, string>) => {
    const n = new URLSearchParams(query);
    for (const [k, v] of Object.entries(p))
      if (v) n.set(k, v);
      else n.delete(k);
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
        {can && <button onClick={() => setDialog({ kind: 'block', date })}>Block time</button>}
        {can && (
          <button
            className="primary"
            onClick={() => setDialog({ kind: 'new', date: todayIn(tz) < week ? week : todayIn(tz), time: '10:00' })}
          >
            New appointment
          </button>
        )}
      </PageHead>
      <div className="row wrap space cal-bar">
        <div className="row">
          <button
            onClick={() => go({ date: addDays(date, view === 'day' ? -1 : -7) })}
            aria-label={view === 'day' ? 'Previous day' : 'Previous week'}
          >
            ←
          </button>
          <button onClick={() => go({ date: '' })}>Today</button>
          <button
            onClick={() => go({ date: addDays(date, view === 'day' ? 1 : 7) })}
            aria-label={view === 'day' ? 'Next day' : 'Next week'}
          >
            →
          </button>
          <strong>
            {view === 'day'
              ? new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
                  weekday: 'long',
                  month: 'long',
                  day: 'numeric',
                  timeZone: 'UTC',
                })
              : `Week of ${week}`}
          </strong>
        </div>
        <div role="tablist" aria-label="View" className="tabs">
          <button role="tab" aria-selected={view === 'day'} onClick={() => go({ view: 'day' })}>
            Day
          </button>
          <button role="tab" aria-selected={view === 'week'} onClick={() => go({ view: '' })}>
            Week
          </button>
        </div>
        <div role="tablist" aria-label="Staff" className="tabs">
          <button role="tab" aria-selected={!who} onClick={() => go({ staff: '' })}>
            Everyone
          </button>
          {staff.data?.items.map((s) => (
            <button role="tab" key={s.id} aria-selected={who === s.id} onClick={() => go({ staff: s.id })}>
              {s.name}
            </button>
          ))}
        </div>
      </div>
      {dragError && (
        <div className="notice error" role="alert">
          {dragError.error.status === 409
            ? 'That time is taken (another booking or blocked time), so nothing was changed.'
            : dragError.error.message}
          <Alternatives
            error={dragError.error}
            tz={tz}
            onPick={(slot) => void change(dragError.a, { start: slot.start, staffId: slot.staffId })}
          />
        </div>
      )}
      <Loader state={list}>
        {() => (
          <div
            className={`week ${view}`}
            style={{
              ['--rows' as string]: hours.length,
              ...(view === 'day' ? { gridTemplateColumns: `3.4rem repeat(${columns.length}, minmax(8rem, 1fr))` } : {}),
            }}
          >
            <div className="col times" aria-hidden="true">
              <div className="day-head" />
              {hours.map((h) => (
                <div key={h} className="hour-label">
                  {fmtTime(zonedIso(date, `${String(h).padStart(2, '0')}:00`, tz), tz)}
                </div>
              ))}
            </div>
            {columns.map((c) => {
              const d = c.date;
              const mine = visible.filter((a) => inColumn(c, a));
              const blocks = (blocked.data?.items ?? []).filter(
                (b) =>
                  wall(b.start).date <= d &&
                  wall(b.end).date >= d &&
                  (b.staffId === null || c.staffId === undefined
                    ? !who || b.staffId === null || b.staffId === who
                    : b.staffId === c.staffId),
              );
              const isToday = d === todayIn(tz);
              return (
                <div
                  className={`col day${isToday && view === 'week' ? ' today' : ''}`}
                  key={c.key}
                  role="group"
                  aria-label={c.label}
                  data-col=""
                  data-date={d}
                  {...(c.staffId !== undefined ? { 'data-staff': c.staffId ?? '' } : {})}
                >
                  <div className="day-head">{c.head}</div>
                  <div className="day-body" style={{ height: hours.length * 60 * PX_PER_MIN }}>
                    {hours.map((h) =>
                      can ? (
                        <button
                          key={h}
                          className={`cell${closed(d, h) ? ' closed' : ''}`}
                          style={{ top: (h - first) * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN }}
                          aria-label={`New appointment ${c.label} ${h}:00`}
                          onClick={() =>
                            setDialog({
                              kind: 'new',
                              date: d,
                              time: `${String(h).padStart(2, '0')}:00`,
                              staffId: c.staffId ?? undefined,
                            })
                          }
                        />
                      ) : (
                        <div
                          key={h}
                          className={`cell${closed(d, h) ? ' closed' : ''}`}
                          style={{ top: (h - first) * 60 * PX_PER_MIN, height: 60 * PX_PER_MIN }}
                        />
                      ),
                    )}
                    {blocks.map((b) => {
                      const s0 = wall(b.start).date === d ? wall(b.start).minutes : 0;
                      const e0 = wall(b.end).date === d ? wall(b.end).minutes : 24 * 60;
                      return (
                        <div
                          key={b.id}
                          className={`blocked ${b.kind}`}
                          style={{
                            top: Math.max(0, s0 - first * 60) * PX_PER_MIN,
                            height: Math.max(14, (e0 - s0) * PX_PER_MIN),
                          }}
                          title={b.reason ?? undefined}
                        >
                          {b.kind === 'break' ? 'Break' : 'Time off'}
                          {b.reason ? ` · ${b.reason}` : ''}
                          {b.staffId === null ? ' (everyone)' : ''}
                          {can && (
                            <button
                              className="link small"
                              aria-label={`Remove ${b.kind === 'break' ? 'break' : 'time off'} ${fmtTime(b.start, tz)}`}
                              onClick={() => void del(`/api/blocked-times/${b.id}`).then(blocksChanged)}
                            >
                              ✕
                            </button>
                          )}
                        </div>
                      );
                    })}
                    {mine.map((a) => {
                      const s = wall(a.start).minutes;
                      const e = wall(a.end).date === d ? wall(a.end).minutes : 24 * 60;
                      const draggable = can && a.status === 'booked';
                      return (
                        <button
                          key={a.id}
                          className={`appt ${a.status}`}
                          style={{
                            top: Math.max(0, s - first * 60) * PX_PER_MIN,
                            height: Math.max(22, (e - s) * PX_PER_MIN),
                          }}
                          onPointerDown={
                            draggable
                              ? (ev) => startDrag(ev, 'move', PX_PER_MIN, (drop) => dropped(a, drop))
                              : undefined
                          }
                          onClick={() => setDialog({ kind: 'open', a })}
                          aria-label={`${fmtTime(a.start, tz)} ${svcName(a.serviceId)} for ${a.customer.name}`}
                        >
                          <strong>{fmtTime(a.start, tz)}</strong> {a.customer.name}
                          <br />
                          <span className="small">
                            {svcName(a.serviceId)}
                            {view === 'week' && !who && staffName(a.staffId) ? ` · ${staffName(a.staffId)}` : ''}
                          </span>
                          {draggable && (
                            <span
                              className="resize"
                              aria-hidden="true"
                              onPointerDown={(ev) => startDrag(ev, 'resize', PX_PER_MIN, (drop) => dropped(a, drop))}
                            />
                          )}
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
      {list.data && visible.length === 0 && (
        <p className="empty">
          No appointments {view === 'day' ? 'this day' : 'this week'}
          {who ? ` for ${staffName(who)}` : ''}.
        </p>
      )}
      {dialog?.kind === 'block' && staff.data && (
        <Modal title="Block time" onClose={() => setDialog(null)}>
          <BlockForm
            tz={tz}
            staff={staff.data.items}
            date={dialog.date}
            onDone={() => {
              setDialog(null);
              void blocksChanged();
            }}
          />
        </Modal>
      )}
      {dialog?.kind === 'new' && services.data && staff.data && (
        <Modal title="New appointment" onClose={() => setDialog(null)}>
          {services.data.items.length === 0 ? (
            <p>
              Add a service first under <Link to="/services">Services & staff</Link>.
            </p>
          ) : (
            <CreateForm
              tz={tz}
              services={services.data.items}
              staff={staff.data.items}
              date={dialog.date}
              time={dialog.time}
              staffId={dialog.staffId ?? who}
              onDone={(a) => {
                setDialog(null);
                void bookingsChanged();
                if (view === 'day' ? wall(a.start).date !== date : mondayOf(wall(a.start).date) !== week)
                  go({ date: wall(a.start).date });
              }}
            />
          )}
        </Modal>
      )}
      {dialog?.kind === 'open' && (
        <Modal title="Appointment" onClose={() => setDialog(null)}>
          <AppointmentPanel
            a={dialog.a}
            tz={tz}
            services={services.data?.items ?? []}
            staff={staff.data?.items ?? []}
            onChanged={() => {
              setDialog(null);
              void bookingsChanged();
            }}
          />
        </Modal>
      )}
    </>
  );
}
