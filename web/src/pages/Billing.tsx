/** Billing (admins): plan, trial, usage this period with a daily chart, the estimated bill, the hard cap, plan changes and invoices. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, post, put, qs, type Answer, type Item } from '../api.js';
import { BarChart } from '../parts/chart.js';
import { useLocation } from '../router.js';
import { Badge, FormError, Input, Loader, PageHead, money, useSubmit } from '../ui.js';
import { useApi, useApiMutation } from '../queries.js';

/** A plan as GET /api/billing/plans lists it. */
type Plan = Item<'/api/billing/plans'>;
/** GET /api/billing. */
type Account = Answer<'/api/billing'>;
/** One day of metered use (GET /api/billing/usage). */
type UsageDay = Item<'/api/billing/usage'>;

const FEATURE_NAMES: Record<string, string> = {
  calendar_sync: 'Google and Outlook calendar sync',
  recording: 'Call recording',
  outbound_calls: 'Outbound calls and campaigns',
  languages: 'Languages other than English',
  realtime_voice: 'Realtime voice engine',
  multiple_numbers: 'More than one phone number',
};
const STATUS: Record<Account['status'], string> = {
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Payment due',
  canceled: 'Canceled',
};
const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Every local day of the period (a calendar month), with the minutes of the days that had any. */
function days(period: { start: string }, items: UsageDay[]): { labels: string[]; values: number[] } {
  const byDay = new Map(items.map((d) => [d.day, d.minutes]));
  // The period starts at local midnight; twelve hours later it is that local date in every zone within ±12 h.
  const [y, m] = new Date(Date.parse(period.start) + 12 * 3_600_000).toISOString().slice(0, 7).split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const labels: string[] = [];
  const values: number[] = [];
  for (let d = 1; d <= count; d++) {
    const key = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    labels.push(dateOf(`${key}T00:00:00Z`));
    values.push(Math.round((byDay.get(key) ?? 0) * 10) / 10);
  }
  return { labels, values };
}

function Usage({ a }: { a: Account }) {
  const usage = useApi<{ items: UsageDay[] }>(
    `/api/billing/usage${qs({ from: a.currentPeriod.start, to: a.currentPeriod.end })}`,
  );
  const used = a.usage.minutes;
  const share = a.limits.includedMinutes ? Math.min(100, Math.round((used / a.limits.includedMinutes) * 100)) : 0;
  return (
    <section className="card" aria-labelledby="usage-h">
      <h2 id="usage-h">Usage this period</h2>
      <p className="muted">
        {days(a.currentPeriod, []).labels[0]} – {days(a.currentPeriod, []).labels.at(-1)}
      </p>
      <p>
        <strong data-testid="minutes-used">
          {used} of {a.limits.includedMinutes} minutes
        </strong>{' '}
        used ({share}%) · {a.usage.calls} calls · {a.usage.chats} chats
      </p>
      <meter
        min={0}
        max={a.limits.includedMinutes || 1}
        value={Math.min(used, a.limits.includedMinutes || 1)}
        high={(a.limits.includedMinutes || 1) * 0.8}
        aria-label="Included minutes used"
        style={{ width: '100%' }}
      />
      <Loader state={usage}>
        {(u) => {
          const c = days(a.currentPeriod, u.items);
          return <BarChart title="Minutes per day" labels={c.labels} values={c.values} />;
        }}
      </Loader>
      <h3>Estimated bill</h3>
      {a.status === 'trialing' && !a.complimentary && (
        <p className="muted">Nothing is billed during the trial; on this plan the period so far would come to:</p>
      )}
      {a.complimentary ? (
        <p>Complimentary: this business is never billed.</p>
      ) : (
        <table className="table">
          <tbody>
            <tr>
              <td>Plan</td>
              <td>{money(a.estimate.baseCents)}</td>
            </tr>
            <tr>
              <td>
                Overage ({a.estimate.overageMinutes} min × {money(a.limits.overagePerMinuteCents)})
              </td>
              <td>{money(a.estimate.overageCents)}</td>
            </tr>
            <tr>
              <th scope="row">Total so far</th>
              <th data-testid="estimate-total">{money(a.estimate.totalCents)}</th>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}

function HardCap({ a }: { a: Account }) {
  const saveCap = useApiMutation(
    (hardCapMinutes: number | null) => put('/api/billing', { hardCapMinutes }),
    ['billing'],
  );
  const [cap, setCap] = useState(a.limits.hardCapMinutes?.toString() ?? '');
  const s = useSubmit();
  useEffect(() => setCap(a.limits.hardCapMinutes?.toString() ?? ''), [a.limits.hardCapMinutes]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void s.run(() => saveCap.mutateAsync(cap.trim() === '' ? null : Number(cap)));
  };
  return (
    <section className="card" aria-labelledby="cap-h">
      <h2 id="cap-h">Minute cap</h2>
      <p className="muted">
        Beyond the included minutes calls continue and are billed as overage. With a cap, callers past it hear a polite
        message and can leave a voicemail instead.
      </p>
      <form onSubmit={save} className="row">
        <Input
          label="Cap (minutes per period, empty for none)"
          type="number"
          min={0}
          value={cap}
          onChange={(e) => setCap(e.target.value)}
          error={s.fields.hardCapMinutes}
        />
        <button type="submit" disabled={s.busy}>
          Save cap
        </button>
      </form>
      <FormError error={s.error} />
    </section>
  );
}

function Plans({ a, plans }: { a: Account; plans: Plan[] }) {
  const s = useSubmit();
  const order = plans.map((p) => p.id);
  const choose = (plan: string) =>
    void s.run(async () => location.assign((await post<{ url: string }>('/api/billing/checkout', { plan })).url));
  const testMode = s.error instanceof ApiError && s.error.code === 'billing_not_configured';
  return (
    <section className="card" aria-labelledby="plans-h">
      <h2 id="plans-h">Plans</h2>
      {!a.stripe.configured && (
        <p className="notice" role="status">
          Test mode: no payment provider is configured on this server, so plans cannot be bought here. Usage, limits and
          the trial work as they will.
        </p>
      )}
      <ul
        className="plans"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
          gap: '1rem',
          listStyle: 'none',
          padding: 0,
        }}
      >
        {plans.map((p) => {
          const current = a.status !== 'trialing' && a.status !== 'canceled' && a.plan === p.id;
          const label = current
            ? 'Current plan'
            : order.indexOf(p.id) > order.indexOf(a.plan) || a.status === 'trialing' || a.status === 'canceled'
              ? `Choose ${p.name}`
              : `Downgrade to ${p.name}`;
          return (
            <li key={p.id} className="card" aria-label={`${p.name} plan`}>
              <h3>{p.name}</h3>
              <p>
                <strong>{money(p.monthlyPriceCents)}</strong> / month
              </p>
              <p>
                {p.includedMinutes} minutes included, then {money(p.overagePerMinuteCents)} a minute
              </p>
              <ul className="small">
                {p.features.length ? (
                  p.features.map((f) => <li key={f}>{FEATURE_NAMES[f] ?? f}</li>)
                ) : (
                  <li>The AI receptionist, booking and messages</li>
                )}
              </ul>
              <button disabled={current || s.busy} onClick={() => choose(p.id)}>
                {label}
              </button>
            </li>
          );
        })}
      </ul>
      {testMode ? (
        <p className="notice error" role="alert">
          Plans cannot be bought on this server (test mode).
        </p>
      ) : (
        <FormError error={s.error} />
      )}
    </section>
  );
}

/** The page. */
export default function Billing() {
  const { query } = useLocation();
  const account = useApi<Account>('/api/billing');
  const plans = useApi<{ items: Plan[] }>('/api/billing/plans');
  const portal = useSubmit();
  const openPortal = () =>
    void portal.run(async () => location.assign((await post<{ url: string }>('/api/billing/portal')).url));
  return (
    <>
      <PageHead title="Billing" />
      {query.get('checkout') === 'success' && (
        <p className="notice" role="status">
          Thank you! Your subscription starts as soon as the payment is confirmed.
        </p>
      )}
      <Loader state={account}>
        {(a) => {
          const name = plans.data?.items.find((p) => p.id === a.effectivePlan)?.name ?? a.effectivePlan;
          return (
            <>
              <section className="card" aria-labelledby="plan-h">
                <h2 id="plan-h">Your plan</h2>
                <p>
                  <strong data-testid="plan-name">{name}</strong>{' '}
                  <Badge>{a.complimentary ? 'Complimentary' : STATUS[a.status]}</Badge>
                </p>
                {a.status === 'trialing' && a.trialDaysLeft !== null && (
                  <p data-testid="trial">
                    Trial:{' '}
                    <strong>
                      {a.trialDaysLeft} {a.trialDaysLeft === 1 ? 'day' : 'days'} left
                    </strong>{' '}
                    with every feature (until {dateOf(a.trialEndsAt!)}).
                  </p>
                )}
                {a.status === 'canceled' && !a.complimentary && (
                  <p className="notice">
                    No active subscription: Starter features only. Choose a plan below to unlock more.
                  </p>
                )}
                {a.status === 'past_due' && (
                  <p className="notice error">The last payment failed. Update your payment method to keep your plan.</p>
                )}
                {a.renewsAt && <p className="muted">Renews {dateOf(a.renewsAt)}.</p>}
                <button className="secondary" onClick={openPortal} disabled={portal.busy || !a.stripe.customer}>
                  Invoices and payment method
                </button>
                <FormError error={portal.error} />
              </section>
              <Usage a={a} />
              <HardCap a={a} />
              <Loader state={plans}>{(p) => <Plans a={a} plans={p.items} />}</Loader>
            </>
          );
        }}
      </Loader>
    </>
  );
}
