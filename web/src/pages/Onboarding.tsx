/** The onboarding wizard: each step saves, marks itself done, and the wizard resumes at the first step left. */
import { useEffect, useState, type FormEvent } from 'react';
import { get, post, put, type Organization, type Item } from '../api.js';
import { useSession, useCan } from '../session.js';
import { navigate, useLocation } from '../router.js';
import { FormError, Input, Loader, PageHead, Select, useSubmit } from '../ui.js';
import { useApi, useInvalidate } from '../queries.js';
import { STEPS, stepsLeft } from '../onboarding-steps.js';
import { HolidaysEditor, HoursEditor, type WeeklyHours } from '../parts/hours.js';
import { ServicesPanel, StaffPanel } from '../parts/catalog.js';
import { AgentForm } from '../parts/agent.js';
import { PhoneNumbersPanel } from '../parts/phones.js';
import { ChatBox } from '../parts/chat.js';

type StepKey = (typeof STEPS)[number]['key'];

/** The wizard. */
export default function Onboarding() {
  const { organization, setOrganization } = useSession();
  const can = useCan('settings');
  const { query } = useLocation();
  const done = organization?.onboarding ?? {};
  const asked = query.get('step') as StepKey | null;
  const current: StepKey = asked && STEPS.some((s) => s.key === asked) ? asked : (stepsLeft(done)[0]?.key ?? 'test');
  const index = STEPS.findIndex((s) => s.key === current);

  const complete = async (step: StepKey) => {
    const org = await put<Organization>('/api/organization', { onboarding: { ...done, [step]: true } });
    setOrganization(org);
    const next = STEPS.slice(index + 1).find((s) => !org.onboarding[s.key]) ?? stepsLeft(org.onboarding)[0];
    navigate(next ? `/onboarding?step=${next.key}` : '/');
  };

  if (!can)
    return (
      <>
        <PageHead title="Set up" />
        <p className="notice">Only an admin can set up the business.</p>
      </>
    );

  return (
    <div className="onboarding">
      <PageHead title="Set up your receptionist">
        <button onClick={() => navigate('/')}>Skip for now</button>
      </PageHead>
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((s, i) => (
          <li key={s.key} className={`${done[s.key] ? 'done' : ''}${s.key === current ? ' current' : ''}`}>
            <button
              className="link"
              aria-current={s.key === current ? 'step' : undefined}
              onClick={() => navigate(`/onboarding?step=${s.key}`)}
            >
              <span className="n" aria-hidden="true">
                {done[s.key] ? '✓' : i + 1}
              </span>{' '}
              {s.label}
              {done[s.key] && <span className="sr-only"> (done)</span>}
            </button>
          </li>
        ))}
      </ol>
      <section className="card step" aria-labelledby="step-h">
        <h2 id="step-h">
          {index + 1}. {STEPS[index].label}
        </h2>
        {current === 'template' && <TemplateStep onDone={() => complete('template')} />}
        {current === 'business' && <BusinessStep onDone={() => complete('business')} />}
        {current === 'hours' && <HoursStep onDone={() => complete('hours')} />}
        {current === 'services' && (
          <div className="stack">
            <ServicesPanel />
            <StaffPanel />
            <Continue onClick={() => complete('services')} />
          </div>
        )}
        {current === 'agent' && <AgentForm submitLabel="Save and continue" onSaved={() => void complete('agent')} />}
        {current === 'phone' && (
          <div className="stack">
            <PhoneNumbersPanel />
            <p className="muted">
              No Twilio account yet? Stay in test mode: the chat tester and the call simulator work without one.
            </p>
            <Continue onClick={() => complete('phone')} label="Continue (test mode is fine)" />
          </div>
        )}
        {current === 'test' && (
          <div className="stack">
            <ChatBox />
            <Continue onClick={() => complete('test')} label="Finish setup" />
          </div>
        )}
      </section>
    </div>
  );
}

function Continue({ onClick, label = 'Continue' }: { onClick(): Promise<void>; label?: string }) {
  const s = useSubmit();
  return (
    <div>
      <button className="primary" disabled={s.busy} onClick={() => void s.run(onClick)}>
        {label}
      </button>
      <FormError error={s.error} />
    </div>
  );
}

/** An industry template (GET /api/templates). */
type Template = Item<'/api/templates'>;

function TemplateStep({ onDone }: { onDone(): Promise<void> }) {
  const { organization, setOrganization } = useSession();
  const list = useApi<{ items: Template[] }>('/api/templates');
  const changed = useInvalidate();
  const [choice, setChoice] = useState<string>(
    organization?.industry && organization.industry !== 'other' ? organization.industry : '',
  );
  const s = useSubmit();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const tpl = list.data?.items.find((t) => t.industry === choice);
      setOrganization(await put<Organization>('/api/organization', { industry: choice || 'other' }));
      if (tpl) {
        await put('/api/config', {
          hours: tpl.hours,
          greeting: tpl.greeting.replace('{business}', organization?.name ?? 'us'),
          emergencyKeywords: tpl.emergencyKeywords,
        });
        const have = new Set(
          (await get<{ items: { name: string }[] }>('/api/services')).items.map((x) => x.name.toLowerCase()),
        );
        for (const sv of tpl.services) if (!have.has(sv.name.toLowerCase())) await post('/api/services', sv);
        const known = new Set(
          (await get<{ items: { question?: string }[] }>('/api/knowledge')).items.map((k) => k.question),
        );
        for (const k of tpl.knowledge) if (!known.has(k.question)) await post('/api/knowledge', k);
      }
      // the template wrote hours, greeting, services and answers: every view of them loads again
      await changed('config', 'services', 'knowledge', 'availability', 'setup-status');
      await onDone();
    });
  };
  return (
    <Loader state={list}>
      {(d) => (
        <form onSubmit={apply} className="stack">
          <fieldset className="cards">
            <legend>
              What kind of business is it? We pre-fill services, hours and emergency words you can change later.
            </legend>
            {[...d.items, { industry: 'other', label: 'Something else', services: [] } as unknown as Template].map(
              (t) => (
                <label key={t.industry} className={`pick${choice === t.industry ? ' on' : ''}`}>
                  <input
                    type="radio"
                    name="industry"
                    value={t.industry}
                    checked={choice === t.industry}
                    onChange={() => setChoice(t.industry)}
                  />
                  <strong>{t.label}</strong>
                  <span className="muted small">
                    {t.services
                      .slice(0, 3)
                      .map((x) => x.name)
                      .join(', ') || 'Start from scratch'}
                  </span>
                </label>
              ),
            )}
          </fieldset>
          <FormError error={s.error} />
          <div>
            <button className="primary" disabled={s.busy || !choice}>
              {s.busy ? 'Applying…' : 'Use this template'}
            </button>
          </div>
        </form>
      )}
    </Loader>
  );
}

const ZONES: string[] = (Intl as any).supportedValuesOf?.('timeZone') ?? [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'UTC',
];

function BusinessStep({ onDone }: { onDone(): Promise<void> }) {
  const { organization, setOrganization } = useSession();
  const config = useApi<{ address: string | null }>('/api/config', { fresh: true });
  const changed = useInvalidate();
  const [f, setF] = useState({
    name: organization?.name ?? '',
    timezone: organization?.timezone ?? 'America/New_York',
    address: '',
  });
  useEffect(() => {
    if (config.data) setF((x) => ({ ...x, address: config.data?.address ?? '' }));
  }, [config.data]);
  const s = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      setOrganization(await put<Organization>('/api/organization', { name: f.name, timezone: f.timezone }));
      await put('/api/config', { address: f.address.trim() || null });
      await changed('config');
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Input
        label="Business name"
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.target.value })}
        error={s.fields.name}
      />
      <Select
        label="Timezone"
        value={f.timezone}
        onChange={(e) => setF({ ...f, timezone: e.target.value })}
        error={s.fields.timezone}
      >
        {[...new Set([f.timezone, ...ZONES])].map((z) => (
          <option key={z}>{z}</option>
        ))}
      </Select>
      <Input
        label="Address (optional)"
        autoComplete="street-address"
        value={f.address}
        onChange={(e) => setF({ ...f, address: e.target.value })}
        error={s.fields.address}
      />
      <FormError error={s.error} />
      <div>
        <button className="primary" disabled={s.busy}>
          Save and continue
        </button>
      </div>
    </form>
  );
}

function HoursStep({ onDone }: { onDone(): Promise<void> }) {
  const config = useApi<{ hours: WeeklyHours; holidays: string[] }>('/api/config', { fresh: true });
  const changed = useInvalidate();
  const [hours, setHours] = useState<WeeklyHours | null>(null);
  const [holidays, setHolidays] = useState<string[]>([]);
  useEffect(() => {
    if (config.data && !hours) {
      setHours(config.data.hours);
      setHolidays(config.data.holidays ?? []);
    }
  }, [config.data, hours]);
  const s = useSubmit();
  if (!hours) return <Loader state={config}>{() => null}</Loader>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await put('/api/config', { hours, holidays });
      await changed('config', 'availability', 'setup-status');
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} className="stack">
      <HoursEditor value={hours} onChange={setHours} errors={s.fields} />
      <h3>Holidays</h3>
      <HolidaysEditor
        value={holidays}
        onChange={setHolidays}
        error={Object.entries(s.fields).find(([k]) => k.startsWith('holidays'))?.[1]}
      />
      <FormError error={s.error} />
      <div>
        <button className="primary" disabled={s.busy}>
          Save and continue
        </button>
      </div>
    </form>
  );
}
