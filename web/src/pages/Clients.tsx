/** Clients: everyone who booked, called or chatted; searchable by name, email or number; each with their history and notes. */
import { useState, type FormEvent } from 'react';
import { patch, qs, type Item, type Answer } from '../api.js';
import { useApi } from '../queries.js';
import { useSession, useCan } from '../session.js';
import { Link, navigate, useLocation } from '../router.js';
import { Badge, FormError, Loader, PageHead, TextArea, useSubmit } from '../ui.js';
import { fmtDateTime, fmtDuration, fmtPhone } from '../time.js';

/** A client as listed by GET /api/clients. */
export type ClientRow = Item<'/api/clients'>;
/** One client (GET /api/clients/:id). */
type ClientDetail = Answer<'/api/clients/{id}'>;

const label = (c: { name: string | null; phone: string | null; email: string | null }) =>
  c.name ?? (fmtPhone(c.phone) || c.email || 'Unknown');

/** The directory (`/clients`) or one client (`/clients/:id`). */
export default function Clients({ id }: { id?: string }) {
  return id ? <ClientPage id={id} /> : <Directory />;
}

function Directory() {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const [cursor, setCursor] = useState<string | undefined>();
  const list = useApi<{ items: ClientRow[]; nextCursor?: string }>(`/api/clients${qs({ q, cursor })}`, { keep: true });
  const search = (e: FormEvent) => {
    e.preventDefault();
    setCursor(undefined);
    navigate(`/clients${qs({ q: text.trim() })}`, true);
  };
  return (
    <>
      <PageHead title="Clients" />
      <form role="search" onSubmit={search} className="row filters">
        <label className="sr-only" htmlFor="client-q">
          Search clients
        </label>
        <input
          id="client-q"
          type="search"
          placeholder="Name, email or phone number"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button>Search</button>
      </form>
      <Loader
        state={list}
        empty={(d) =>
          d.items.length === 0 &&
          (q ? `No client matches “${q}”.` : 'No clients yet. Everyone who books, calls or chats shows up here.')
        }
      >
        {(d) => (
          <>
            <table className="table card clients">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Phone</th>
                  <th className="hide-sm">Email</th>
                  <th>Visits</th>
                  <th className="hide-sm">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={c.id} className="clickable" onClick={() => navigate(`/clients/${c.id}`)}>
                    <td>
                      <Link to={`/clients/${c.id}`} onClick={(e) => e.stopPropagation()}>
                        {c.name ?? <span className="muted">No name yet</span>}
                      </Link>
                    </td>
                    <td>{fmtPhone(c.phone)}</td>
                    <td className="hide-sm">{c.email ?? ''}</td>
                    <td>{c.visits}</td>
                    <td className="hide-sm">{fmtDateTime(c.lastSeenAt, tz)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.nextCursor && <button onClick={() => setCursor(d.nextCursor)}>More clients →</button>}
          </>
        )}
      </Loader>
    </>
  );
}

function Notes({ client, onSaved }: { client: ClientDetail; onSaved(c: ClientDetail): void }) {
  const s = useSubmit();
  const [notes, setNotes] = useState(client.notes ?? '');
  const [saved, setSaved] = useState(false);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      onSaved(await patch<ClientDetail>(`/api/clients/${client.id}`, { notes: notes.trim() || null }));
      setSaved(true);
    });
  };
  return (
    <form className="stack" onSubmit={save} noValidate aria-label="Client notes">
      <TextArea
        label="Notes"
        rows={3}
        maxLength={5000}
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          setSaved(false);
        }}
        error={s.fields.notes}
        placeholder="Preferences, allergies, who they like to see…"
      />
      <small className="muted counter">{notes.length} / 5000</small>
      <FormError error={s.error} />
      <div className="row">
        <button className="primary" disabled={s.busy}>
          Save notes
        </button>
        {saved && (
          <span role="status" className="muted">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}

function ClientPage({ id }: { id: string }) {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const can = useCan('operations');
  const client = useApi<ClientDetail>(`/api/clients/${encodeURIComponent(id)}`);
  const now = Date.now();
  return (
    <Loader state={client}>
      {(c) => {
        const upcoming = c.appointments.filter((a) => Date.parse(a.start) >= now && a.status === 'booked').reverse();
        const past = c.appointments.filter((a) => !upcoming.includes(a));
        return (
          <>
            <PageHead title={label(c)}>
              <Link to="/clients">← All clients</Link>
            </PageHead>
            <section className="card">
              <p>
                {c.phone && (
                  <>
                    <strong>{fmtPhone(c.phone)}</strong>{' '}
                  </>
                )}
                {c.email && <span className="muted">{c.email}</span>}
              </p>
              <p className="muted small">
                Client since {fmtDateTime(c.firstSeenAt, tz)} · {c.visits} {c.visits === 1 ? 'booking' : 'bookings'} ·{' '}
                {c.callCount} {c.callCount === 1 ? 'call' : 'calls'}
              </p>
              {can ? <Notes client={c} onSaved={(n) => client.setData(() => n)} /> : c.notes && <p>{c.notes}</p>}
            </section>
            <div className="grid2">
              <section className="card" aria-labelledby="up-h">
                <h2 id="up-h">Upcoming appointments</h2>
                {upcoming.length === 0 ? (
                  <p className="muted">None booked.</p>
                ) : (
                  <ul className="list">
                    {upcoming.map((a) => (
                      <li key={a.id}>
                        {fmtDateTime(a.start, tz)} · {a.service}
                        {a.staff ? ` with ${a.staff}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="past-h">
                <h2 id="past-h">Visit history</h2>
                {past.length === 0 ? (
                  <p className="muted">No past visits.</p>
                ) : (
                  <ul className="list">
                    {past.map((a) => (
                      <li key={a.id}>
                        {fmtDateTime(a.start, tz)} · {a.service} <Badge>{a.status}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="calls-h">
                <h2 id="calls-h">Calls and chats</h2>
                {c.calls.length === 0 ? (
                  <p className="muted">No calls yet.</p>
                ) : (
                  <ul className="list">
                    {c.calls.map((k) => (
                      <li key={k.id}>
                        <Link to={`/calls/${k.id}`}>{fmtDateTime(k.startedAt, tz)}</Link>{' '}
                        {k.channel !== 'phone' && <Badge tone="muted">{k.channel}</Badge>}{' '}
                        {k.outcome && <Badge>{k.outcome}</Badge>}{' '}
                        <span className="muted small">{fmtDuration(k.durationSec)}</span>
                        {k.summary && <div className="small">{k.summary}</div>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </>
        );
      }}
    </Loader>
  );
}
