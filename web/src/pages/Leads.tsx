/** Leads: who called about what, how urgent, and where the follow-up stands. */
import { useState } from 'react';
import { patch, qs, type Item, type RequestBody } from '../api.js';
import { useApi, useInvalidate } from '../queries.js';
import { useCan, useSession } from '../session.js';
import { Link } from '../router.js';
import { Badge, FormError, Loader, PageHead, Select, useSubmit } from '../ui.js';
import { fmtDateTime } from '../time.js';

/** A lead as listed by GET /api/leads (the generated contract). */
export type Lead = Item<'/api/leads'>;

const SKIPPED: Record<string, string> = {
  do_not_call: 'the number is on the do-not-call list',
  already_called: 'already called',
  handled: 'the team took it on',
};

/** One line on where the agent's call-back stands. */
function FollowUpLine({ f, tz }: { f: NonNullable<Lead['followUp']>; tz: string }) {
  const call = f.callId ? (
    <>
      {' '}
      · <Link to={`/calls/${f.callId}`}>the call</Link>
    </>
  ) : null;
  const text =
    f.status === 'scheduled'
      ? `The assistant calls back ${fmtDateTime(f.dueAt, tz)} (or when calling hours open)`
      : f.status === 'calling'
        ? 'The assistant is calling back'
        : f.status === 'done'
          ? `Called back: ${f.outcome ?? 'ended'}`
          : `No call-back: ${SKIPPED[f.reason ?? ''] ?? f.reason ?? 'skipped'}`;
  return (
    <p className="small" role="note">
      {text}
      {call}
    </p>
  );
}
const STATUSES = ['new', 'contacted', 'qualified', 'won', 'lost', 'closed'];
const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

function LeadRow({ lead, tz, onSaved }: { lead: Lead; tz: string; onSaved(l: Lead): void }) {
  const can = useCan('operations');
  const s = useSubmit();
  const [notes, setNotes] = useState(lead.notes ?? '');
  const changed = useInvalidate();
  // the row shows the answer at once; the home page's lists and counts load again
  const save = (body: RequestBody<'/api/leads/{id}', 'patch'>) =>
    void s.run(async () => {
      onSaved(await patch<Lead>(`/api/leads/${lead.id}`, body));
      await changed('dashboard', ['leads', lead.id]);
    });
  return (
    <li className={`card lead ${lead.priority.toLowerCase()}`}>
      <div className="row wrap space">
        <div>
          <strong>{lead.name ?? 'Unknown caller'}</strong> <Badge>{lead.priority}</Badge>{' '}
          {lead.kind !== 'lead' && <Badge tone="muted">{lead.kind}</Badge>}
          <div className="muted small">
            {[lead.phone, lead.email, lead.address].filter(Boolean).join(' · ')} · {fmtDateTime(lead.createdAt, tz)}
            {lead.callId && (
              <>
                {' '}
                · <Link to={`/calls/${lead.callId}`}>call</Link>
              </>
            )}
          </div>
        </div>
        {can ? (
          <div className="row">
            <select
              aria-label={`Priority of ${lead.name ?? 'lead'}`}
              value={lead.priority}
              onChange={(e) => save({ priority: e.target.value as Lead['priority'] })}
            >
              {PRIORITIES.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
            <select
              aria-label={`Status of ${lead.name ?? 'lead'}`}
              value={lead.status}
              onChange={(e) => save({ status: e.target.value as Lead['status'] })}
            >
              {[...new Set([lead.status, ...STATUSES])].map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </div>
        ) : (
          <Badge>{lead.status}</Badge>
        )}
      </div>
      {lead.need && <p>{lead.need}</p>}
      {lead.followUp && <FollowUpLine f={lead.followUp} tz={tz} />}
      {can ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            save({ notes });
          }}
        >
          <label className="sr-only" htmlFor={`n-${lead.id}`}>
            Notes
          </label>
          <input
            id={`n-${lead.id}`}
            value={notes}
            placeholder="Add a note…"
            onChange={(e) => setNotes(e.target.value)}
          />
          <button disabled={s.busy || notes === (lead.notes ?? '')}>Save note</button>
        </form>
      ) : (
        lead.notes && <p className="muted">{lead.notes}</p>
      )}
      <FormError error={s.error} />
    </li>
  );
}

/** The page. */
export default function Leads() {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const [status, setStatus] = useState('');
  const [priority, setPriority] = useState('');
  // new leads arrive through the live events (useLiveInvalidation)
  const list = useApi<{ items: Lead[]; nextCursor?: string }>(`/api/leads${qs({ status, priority })}`);
  return (
    <>
      <PageHead title="Leads" />
      <div className="filters row wrap">
        <Select label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          {STATUSES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </Select>
        <Select label="Priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="">Any</option>
          {PRIORITIES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </Select>
      </div>
      <Loader state={list} empty={(d) => d.items.length === 0 && 'No leads match.'}>
        {(d) => (
          <ul className="leads">
            {d.items.map((l) => (
              <LeadRow
                key={l.id}
                lead={l}
                tz={tz}
                onSaved={(n) =>
                  list.setData((x) => ({ ...x!, items: x!.items.map((y) => (y.id === n.id ? { ...y, ...n } : y)) }))
                }
              />
            ))}
          </ul>
        )}
      </Loader>
    </>
  );
}
