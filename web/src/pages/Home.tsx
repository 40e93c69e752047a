/** Home: whether the receptionist is live (and what to fix), today at a glance, questions to answer, calls per day, live calls. */
import { qs, type Answer } from '../api.js';
import { useApi } from '../queries.js';
import { useSession, useCan } from '../session.js';
import { Link } from '../router.js';
import { Badge, Loader, PageHead, money } from '../ui.js';
import { addDays, answerSeconds, fmtDateTime, fmtTime, todayIn, zonedIso } from '../time.js';
import { SetupStatusCard } from '../parts/setup-status.js';
import type { UnansweredQuestion } from './Questions.js';
import { BarChart } from '../parts/chart.js';
import type { CallRow } from './Calls.js';
import type { Lead } from './Leads.js';

/** The dashboard's numbers for a period (GET /api/dashboard/metrics). */
type Metrics = Answer<'/api/dashboard/metrics'>;

function Stat({ label, value, tone }: { label: string; value: string | number; tone?: string }) {
  return (
    <div className={`stat${tone ? ` ${tone}` : ''}`}>
      <span className="v">{value}</span>
      <span className="l">{label}</span>
    </div>
  );
}

/** The page. */
export default function Home() {
  const { organization } = useSession();
  const admin = useCan('settings');
  const tz = organization?.timezone ?? 'UTC';
  const today = todayIn(tz);
  const from = zonedIso(today, '00:00', tz);
  const to = zonedIso(addDays(today, 1), '00:00', tz);
  const start14 = zonedIso(addDays(today, -13), '00:00', tz);
  // every list here is kept current by the live events (useLiveInvalidation: calls, bookings, leads, metrics)
  const metrics = useApi<Metrics>(`/api/dashboard/metrics${qs({ from, to })}`);
  const trend = useApi<Metrics>(`/api/dashboard/metrics${qs({ from: start14, to })}`);
  const active = useApi<{ items: { id: string; channel?: string; from?: string | null; startedAt?: string }[] }>(
    '/api/calls/active',
  );
  const calls = useApi<{ items: CallRow[] }>(`/api/calls${qs({ from, limit: 8 })}`);
  const bookings = useApi<{ items: { id: string; start: string; customer: { name: string }; status: string }[] }>(
    `/api/appointments${qs({ from, to })}`,
  );
  const leads = useApi<{ items: Lead[] }>('/api/leads?status=new&limit=8');
  const questions = useApi<{ items: UnansweredQuestion[] }>('/api/unanswered-questions');

  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i - 13));
  const perDay = new Map((trend.data?.callsPerDay ?? []).map((d) => [d.day, d.calls]));

  return (
    <>
      <PageHead title={`Today at ${organization?.name ?? 'your business'}`} />
      {admin && <SetupStatusCard />}
      {questions.data && questions.data.items.length > 0 && (
        <p className="notice questions-due">
          Callers asked {questions.data.items.length === 1 ? '1 question' : `${questions.data.items.length} questions`}{' '}
          your receptionist could not answer. <Link to="/questions">Answer them →</Link>
        </p>
      )}
      <Loader state={metrics}>
        {(m) => (
          <section className="stats" aria-label="Today's numbers">
            <Stat label="Calls today" value={m.calls} />
            <Stat label="Bookings made" value={m.appointments ?? m.booked} />
            <Stat label="Leads" value={m.leads} />
            <Stat label="Urgent leads" value={m.urgent} tone={m.urgent > 0 ? 'urgent' : undefined} />
            <Stat label="Answered" value={m.answeredRate == null ? '—' : `${Math.round(m.answeredRate * 100)}%`} />
            <Stat label="Answers callers in about" value={m.p50E2eMs == null ? '—' : answerSeconds(m.p50E2eMs)} />
            <Stat label="Estimated cost" value={money(m.estimatedCostCents)} />
          </section>
        )}
      </Loader>
      <div className="grid2">
        <section className="card" aria-labelledby="live-h">
          <h2 id="live-h">
            Live now <span className="dot" aria-hidden="true" />
          </h2>
          <Loader state={active} empty={(d) => d.items.length === 0 && 'No calls in progress.'}>
            {(d) => (
              <ul className="list">
                {d.items.map((c) => (
                  <li key={c.id}>
                    <Link to={`/calls/${c.id}`}>{c.from ?? c.channel ?? 'Caller'}</Link> <Badge tone="live">live</Badge>{' '}
                    <span className="muted small">since {fmtTime(c.startedAt, tz)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Loader>
        </section>
        <section className="card" aria-labelledby="trend-h">
          <h2 id="trend-h">Calls per day</h2>
          <Loader state={trend}>
            {() => (
              <BarChart
                title="calls per day"
                labels={days.map((d) => d.slice(5))}
                values={days.map((d) => perDay.get(d) ?? 0)}
              />
            )}
          </Loader>
        </section>
        <section className="card" aria-labelledby="outcomes-h">
          <h2 id="outcomes-h">Calls by outcome</h2>
          <Loader
            state={metrics}
            empty={(m) => Object.keys(m.byOutcome ?? {}).length === 0 && 'No finished calls today yet.'}
          >
            {(m) => (
              <ul className="list">
                {Object.entries(m.byOutcome ?? {}).map(([o, n]) => (
                  <li key={o}>
                    <Link to={`/calls?outcome=${o}`}>
                      <Badge>{o}</Badge>
                    </Link>{' '}
                    {n}
                  </li>
                ))}
              </ul>
            )}
          </Loader>
        </section>
        <section className="card" aria-labelledby="calls-h">
          <h2 id="calls-h">Today's calls</h2>
          <Loader state={calls} empty={(d) => d.items.length === 0 && 'No calls today yet.'}>
            {(d) => (
              <ul className="list">
                {d.items.map((c) => (
                  <li key={c.id}>
                    <Link to={`/calls/${c.id}`}>
                      {fmtTime(c.startedAt, tz)} · {c.client?.name ?? c.from ?? c.channel}
                    </Link>{' '}
                    {c.outcome ? <Badge>{c.outcome}</Badge> : <Badge tone="live">{c.status}</Badge>}
                    {c.summary && <div className="muted small">{c.summary}</div>}
                  </li>
                ))}
              </ul>
            )}
          </Loader>
          <Link to="/calls">All calls →</Link>
        </section>
        <section className="card" aria-labelledby="book-h">
          <h2 id="book-h">On the schedule today</h2>
          <Loader state={bookings} empty={(d) => d.items.length === 0 && 'Nothing booked for today.'}>
            {(d) => (
              <ul className="list">
                {d.items.map((a) => (
                  <li key={a.id}>
                    {fmtTime(a.start, tz)} · {a.customer.name} <Badge>{a.status}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Loader>
          <Link to="/calendar">Calendar →</Link>
        </section>
        <section className="card" aria-labelledby="leads-h">
          <h2 id="leads-h">New leads</h2>
          <Loader state={leads} empty={(d) => d.items.length === 0 && 'No new leads.'}>
            {(d) => (
              <ul className="list">
                {d.items.map((l) => (
                  <li key={l.id}>
                    {l.name ?? 'Unknown'} · {l.need ?? ''} <Badge>{l.priority}</Badge>{' '}
                    <span className="muted small">{fmtDateTime(l.createdAt, tz)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Loader>
          <Link to="/leads">All leads →</Link>
        </section>
      </div>
    </>
  );
}
