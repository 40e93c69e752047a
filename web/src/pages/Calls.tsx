/** Calls: searchable, filterable and paged; newest first. */
import { useState, type FormEvent } from 'react';
import { qs, type Item } from '../api.js';
import { useApi } from '../queries.js';
import { useSession } from '../session.js';
import { Link, navigate, useLocation } from '../router.js';
import { Badge, Loader, PageHead, Select } from '../ui.js';
import { fmtDateTime, fmtDuration, fmtPhone, todayIn, addDays, zonedIso } from '../time.js';

/** A call as listed by GET /api/calls (the generated contract). */
export type CallRow = Item<'/api/calls'>;
const OUTCOMES = [
  'booked',
  'rescheduled',
  'cancelled',
  'escalated',
  'transferred',
  'message',
  'lead',
  'answered',
  'hangup',
];

/** The page; filters live in the URL so a filtered view can be shared and survives reload. */
export default function Calls() {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const outcome = query.get('outcome') ?? '';
  const channel = query.get('channel') ?? '';
  const direction = query.get('direction') ?? '';
  const days = query.get('days') ?? '';
  const cursor = query.get('cursor') ?? '';
  const [text, setText] = useState(q);
  const [trail, setTrail] = useState<string[]>([]);
  const from = days ? zonedIso(addDays(todayIn(tz), -Number(days) + 1), '00:00', tz) : undefined;
  // a call starting or ending shows through the live events (useLiveInvalidation)
  const list = useApi<{ items: CallRow[]; nextCursor?: string }>(
    `/api/calls${qs({ q, outcome, channel, direction, from, cursor, limit: 25 })}`,
  );

  const go = (patch: Record<string, string>, keepTrail = false) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('cursor' in patch)) {
      next.delete('cursor');
      if (!keepTrail) setTrail([]);
    }
    navigate(`/calls${next.toString() ? `?${next}` : ''}`, true);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() });
  };

  return (
    <>
      <PageHead title="Calls" />
      <div className="filters row wrap">
        <form role="search" onSubmit={search} className="row">
          <label className="sr-only" htmlFor="call-q">
            Search calls
          </label>
          <input
            id="call-q"
            type="search"
            placeholder="Number, name or words said"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button>Search</button>
        </form>
        <Select label="Outcome" value={outcome} onChange={(e) => go({ outcome: e.target.value })}>
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </Select>
        <Select label="Channel" value={channel} onChange={(e) => go({ channel: e.target.value })}>
          <option value="">Any</option>
          <option value="phone">phone</option>
          <option value="chat">chat</option>
          <option value="test">test</option>
        </Select>
        <Select label="Direction" value={direction} onChange={(e) => go({ direction: e.target.value })}>
          <option value="">Any</option>
          <option value="inbound">inbound</option>
          <option value="outbound">outbound</option>
        </Select>
        <Select label="Period" value={days} onChange={(e) => go({ days: e.target.value })}>
          <option value="">All time</option>
          <option value="1">Today</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
        </Select>
      </div>
      <Loader
        state={list}
        empty={(d) =>
          d.items.length === 0 &&
          (q || outcome || channel || direction || days
            ? 'No calls match these filters.'
            : 'No calls yet. Try "Test your agent" to make one.')
        }
      >
        {(d) => (
          <>
            <table className="table card calls">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Customer</th>
                  <th>Outcome</th>
                  <th>Duration</th>
                  <th className="hide-sm">Summary</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={c.id} className="clickable" onClick={() => navigate(`/calls/${c.id}`)}>
                    <td>
                      <Link to={`/calls/${c.id}`} onClick={(e) => e.stopPropagation()}>
                        {fmtDateTime(c.startedAt, tz)}
                      </Link>
                    </td>
                    {/* A call the agent placed is listed by the number it called. */}
                    <td>
                      {c.client ? (
                        <strong>{c.client.name}</strong>
                      ) : (c.direction === 'outbound' ? c.to : c.from) ? (
                        fmtPhone(c.direction === 'outbound' ? c.to : c.from)
                      ) : (
                        <span className="muted">{c.channel === 'phone' ? 'unknown' : c.channel}</span>
                      )}{' '}
                      {c.channel !== 'phone' && <Badge tone="muted">{c.channel}</Badge>}{' '}
                      {c.direction === 'outbound' && <Badge tone="muted">outbound</Badge>}{' '}
                      {c.language && c.language !== 'en' && <Badge tone="muted">{c.language.toUpperCase()}</Badge>}
                    </td>
                    <td>{c.outcome ? <Badge>{c.outcome}</Badge> : <Badge tone="live">{c.status}</Badge>}</td>
                    <td>{fmtDuration(c.durationSec)}</td>
                    <td className="hide-sm clip">{c.summary ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager row" aria-label="Pages">
              <button
                disabled={!cursor}
                onClick={() => {
                  const t = trail.slice(0, -1);
                  setTrail(t);
                  go({ cursor: trail[trail.length - 1] ?? '' }, true);
                }}
              >
                ← Newer
              </button>
              <button
                disabled={!d.nextCursor}
                onClick={() => {
                  setTrail([...trail, cursor]);
                  go({ cursor: d.nextCursor! }, true);
                }}
              >
                Older →
              </button>
            </nav>
          </>
        )}
      </Loader>
    </>
  );
}
