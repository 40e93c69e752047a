/** Business settings after setup: name, time zone, address and greeting, with rarely used settings under "Advanced". */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { put, type Answer, type Organization, type RequestBody } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useSession, useCan } from '../session.js';
import { FormError, Input, Loader, PageHead, Select, TextArea, useSubmit } from '../ui.js';
import { COMMON_ZONES, allZones } from '../parts/time-zones.js';

type Config = Answer<'/api/config'>;
type Form = {
  name: string;
  timezone: string;
  address: string;
  greeting: string;
  afterHours: Config['afterHours'];
  minNoticeHours: string;
  maxDaysAhead: string;
  maxCallMinutes: string;
  recordCalls: 'on' | 'off';
  recordingRetentionDays: string;
};

const LIMITS = { name: 120, address: 300, greeting: 1000 };

/** Plain-English problems with the form, by field (empty when it can be saved). */
export function settingsProblems(f: Form, zones: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.name.trim()) out.name = 'Please enter your business name';
  else if (f.name.trim().length > LIMITS.name) out.name = `Please keep the name under ${LIMITS.name} characters`;
  if (!zones.includes(f.timezone)) out.timezone = 'Please choose a time zone from the list';
  if (f.address.length > LIMITS.address) out.address = `Please keep the address under ${LIMITS.address} characters`;
  if (!f.greeting.trim()) out.greeting = 'Please write what your receptionist says when it answers';
  else if (f.greeting.length > LIMITS.greeting)
    out.greeting = `Please keep the greeting under ${LIMITS.greeting} characters`;
  const notice = Number(f.minNoticeHours);
  if (f.minNoticeHours === '' || !Number.isFinite(notice) || notice < 0 || notice > 168)
    out.minNoticeHours = 'Enter a number of hours from 0 to 168 (one week)';
  const ahead = Number(f.maxDaysAhead);
  if (!Number.isInteger(ahead) || ahead < 1 || ahead > 365)
    out.maxDaysAhead = 'Enter a whole number of days from 1 to 365';
  const longest = Number(f.maxCallMinutes);
  if (!Number.isInteger(longest) || longest < 1 || longest > 120)
    out.maxCallMinutes = 'Enter a whole number of minutes from 1 to 120';
  const keep = Number(f.recordingRetentionDays);
  if (!Number.isInteger(keep) || keep < 1 || keep > 3650)
    out.recordingRetentionDays = 'Enter a whole number of days from 1 to 3650';
  return out;
}

const counter = (value: string, max: number) => (
  <span className={value.length > max ? 'field-error' : ''}>
    {value.length} / {max}
  </span>
);

function SettingsForm({ org, config }: { org: Organization; config: Config }) {
  const { setOrganization } = useSession();
  const admin = useCan('settings');
  const zones = useMemo(allZones, []);
  const s = useSubmit();
  const saveConfig = useApiMutation(
    (b: RequestBody<'/api/config', 'put'>) => put('/api/config', b),
    ['config', 'availability', 'setup-status'],
  );
  const [saved, setSaved] = useState(false);
  const [shown, setShown] = useState<Record<string, string>>({});
  const [f, setF] = useState<Form>({
    name: org.name,
    timezone: org.timezone,
    address: config.address ?? '',
    greeting: config.greeting,
    afterHours: config.afterHours,
    minNoticeHours: String(config.minNoticeMin / 60),
    maxDaysAhead: String(config.maxDaysAhead),
    maxCallMinutes: String(config.maxCallMinutes),
    recordCalls: config.recordCalls ? 'on' : 'off',
    recordingRetentionDays: String(config.recordingRetentionDays ?? 90),
  });
  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: e.target.value });
    setSaved(false);
  };
  // Once the owner has tried to save, messages follow their edits (and go away when fixed).
  useEffect(() => {
    if (Object.keys(shown).length) setShown(settingsProblems(f, zones));
  }, [f]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = settingsProblems(f, zones);
    setShown(problems);
    if (Object.keys(problems).length) return;
    void s.run(async () => {
      setOrganization(await put<Organization>('/api/organization', { name: f.name.trim(), timezone: f.timezone }));
      await saveConfig.mutateAsync({
        greeting: f.greeting.trim(),
        address: f.address.trim() || null,
        afterHours: f.afterHours,
        minNoticeMin: Math.round(Number(f.minNoticeHours) * 60),
        maxDaysAhead: Number(f.maxDaysAhead),
        maxCallMinutes: Number(f.maxCallMinutes),
        recordCalls: f.recordCalls === 'on',
        recordingRetentionDays: Number(f.recordingRetentionDays),
      });
      setSaved(true);
    });
  };
  const err = (k: string) => shown[k] ?? s.fields[k];
  return (
    <form className="card stack settings" onSubmit={submit} noValidate aria-label="Business settings">
      <Input
        label="Business name"
        value={f.name}
        onChange={set('name')}
        error={err('name')}
        hint={counter(f.name, LIMITS.name)}
        disabled={!admin}
      />
      <Input
        label="Time zone"
        list="tz-list"
        value={f.timezone}
        onChange={set('timezone')}
        error={err('timezone')}
        disabled={!admin}
        hint={COMMON_ZONES.find((z) => z.id === f.timezone)?.label ?? 'Type to search, e.g. “Chicago” or “London”'}
      />
      <datalist id="tz-list">
        {zones.map((z) => (
          <option key={z} value={z}>
            {COMMON_ZONES.find((c) => c.id === z)?.label}
          </option>
        ))}
      </datalist>
      <Input
        label="Address"
        value={f.address}
        onChange={set('address')}
        error={err('address')}
        hint={counter(f.address, LIMITS.address)}
        disabled={!admin}
        placeholder="12 Main Street, Springfield"
      />
      <TextArea
        label="Greeting"
        rows={3}
        limit={1000}
        value={f.greeting}
        onChange={set('greeting')}
        error={err('greeting')}
        disabled={!admin}
      />
      <small className="muted counter">{counter(f.greeting, LIMITS.greeting)}</small>
      <details className="advanced">
        <summary>Advanced</summary>
        <Select
          label="After hours, the receptionist…"
          value={f.afterHours}
          onChange={set('afterHours')}
          disabled={!admin}
        >
          <option value="answer">still answers and books</option>
          <option value="voicemail">takes a message</option>
          <option value="forward">forwards to your escalation number</option>
        </Select>
        <Input
          label="Minimum notice for a booking (hours)"
          inputMode="decimal"
          value={f.minNoticeHours}
          onChange={set('minNoticeHours')}
          error={err('minNoticeHours')}
          disabled={!admin}
        />
        <Input
          label="Book up to this many days ahead"
          inputMode="numeric"
          value={f.maxDaysAhead}
          onChange={set('maxDaysAhead')}
          error={err('maxDaysAhead')}
          disabled={!admin}
        />
        <Input
          label="Longest call (minutes)"
          inputMode="numeric"
          value={f.maxCallMinutes}
          onChange={set('maxCallMinutes')}
          error={err('maxCallMinutes')}
          disabled={!admin}
        />
        <Select label="Record calls" value={f.recordCalls} onChange={set('recordCalls')} disabled={!admin}>
          <option value="off">no</option>
          <option value="on">yes: the receptionist says “this call may be recorded” first</option>
        </Select>
        <Input
          label="Keep recordings (days)"
          inputMode="numeric"
          value={f.recordingRetentionDays}
          onChange={set('recordingRetentionDays')}
          error={err('recordingRetentionDays')}
          disabled={!admin}
        />
      </details>
      <FormError error={Object.keys(shown).length ? new Error('Please fix the highlighted fields.') : s.error} />
      {admin && (
        <div className="row">
          <button className="primary" disabled={s.busy}>
            Save settings
          </button>
          {saved && <span role="status">Saved</span>}
        </div>
      )}
    </form>
  );
}

/** The page. */
export default function Settings() {
  const { organization } = useSession();
  const config = useApi<Config>('/api/config', { fresh: true });
  return (
    <>
      <PageHead title="Business settings" />
      <Loader state={config}>{(c) => organization && <SettingsForm org={organization} config={c} />}</Loader>
    </>
  );
}
