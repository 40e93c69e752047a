/** Business hours and holidays. */
import { useEffect, useState, type FormEvent } from 'react';
import { put, type Answer } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan } from '../session.js';
import { FormError, Loader, PageHead, useSubmit } from '../ui.js';
import { HolidaysEditor, HoursEditor, type WeeklyHours } from '../parts/hours.js';

/** The page. */
export default function Hours() {
  const can = useCan('settings');
  const config = useApi<Answer<'/api/config'>>('/api/config', { fresh: true });
  // the hours decide the openings and the setup status
  const save = useApiMutation(
    (b: { hours: WeeklyHours | null; holidays: string[] }) => put('/api/config', b),
    ['config', 'availability', 'setup-status'],
  );
  const [hours, setHours] = useState<WeeklyHours | null>(null);
  const [holidays, setHolidays] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (config.data && !hours) {
      setHours(config.data.hours);
      setHolidays(config.data.holidays ?? []);
    }
  }, [config.data, hours]);
  const s = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await save.mutateAsync({ hours, holidays });
      setSaved(true);
    });
  };
  return (
    <>
      <PageHead title="Hours & holidays" />
      <Loader state={config}>
        {() =>
          hours && (
            <form className="card stack" onSubmit={submit}>
              <HoursEditor
                value={hours}
                onChange={(h) => {
                  setSaved(false);
                  setHours(h);
                }}
                readOnly={!can}
                errors={s.fields}
              />
              <h2>Holidays</h2>
              <HolidaysEditor
                value={holidays}
                onChange={(h) => {
                  setSaved(false);
                  setHolidays(h);
                }}
                readOnly={!can}
                error={Object.entries(s.fields).find(([k]) => k.startsWith('holidays'))?.[1]}
              />
              <FormError error={s.error} />
              {can && (
                <div className="row">
                  <button className="primary" disabled={s.busy}>
                    Save hours
                  </button>
                  {saved && (
                    <span className="ok" role="status">
                      Saved
                    </span>
                  )}
                </div>
              )}
            </form>
          )
        }
      </Loader>
    </>
  );
}
