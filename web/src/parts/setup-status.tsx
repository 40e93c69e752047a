/** "Your receptionist is live": what is set up and what is missing (GET /api/setup-status), each gap linking to its fix. */
import { Link } from '../router.js';
import type { Answer } from '../api.js';
import { useApi } from '../queries.js';
import { Loader } from '../ui.js';

/** One item of GET /api/setup-status. */
export type SetupItem = SetupStatus['items'][number];
/** GET /api/setup-status. */
export type SetupStatus = Answer<'/api/setup-status'>;

/** Where the owner fixes each item. */
const FIX: Record<SetupItem['key'], { to: string; label: string }> = {
  phone_number: { to: '/phone-numbers', label: 'Connect a number' },
  hours: { to: '/hours', label: 'Set your hours' },
  services_bookable: { to: '/services', label: 'Fix services & staff' },
  alerts: { to: '/notifications', label: 'Choose who gets alerts' },
};

/** The home page's status card: asks again whenever a write invalidates `setup-status` (numbers, hours, services, staff, alerts). */
export function SetupStatusCard() {
  const status = useApi<SetupStatus>('/api/setup-status');
  return (
    <Loader state={status}>
      {(s) => (
        <section className={`card setup-status${s.live ? ' live' : ' setup'}`} aria-labelledby="setup-h">
          <h2 id="setup-h">{s.live ? 'Your receptionist is live' : 'Your receptionist is not live yet'}</h2>
          <ul className="checklist">
            {s.items.map((i) => (
              <li key={i.key} className={i.ok ? 'ok' : 'missing'}>
                <span aria-hidden="true">{i.ok ? '✓' : '!'}</span> <span>{i.message}</span>
                {!i.ok && (
                  <>
                    {' '}
                    <Link to={FIX[i.key].to}>{FIX[i.key].label} →</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Loader>
  );
}
