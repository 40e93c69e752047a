/** "Your receptionist is live": what is set up and what is missing (GET /api/setup-status), each gap linking to its fix. */
import { Link } from '../router.js';
import { Loader, useFetch } from '../ui.js';

/** One item of GET /api/setup-status. */
export interface SetupItem { key: 'phone_number' | 'hours' | 'services_bookable' | 'alerts'; ok: boolean; message: string }
/** GET /api/setup-status. */
export interface SetupStatus { live: boolean; items: SetupItem[] }

/** Where the owner fixes each item. */
const FIX: Record<SetupItem['key'], { to: string; label: string }> = {
  phone_number: { to: '/phone-numbers', label: 'Connect a number' },
  hours: { to: '/hours', label: 'Set your hours' },
  services_bookable: { to: '/services', label: 'Fix services & staff' },
  alerts: { to: '/notifications', label: 'Choose who gets alerts' },
};

/** The home page's status card; `reloadKey` changes make it ask again (after live events). */
export function SetupStatusCard({ reloadKey = 0 }: { reloadKey?: number }) {
  const status = useFetch<SetupStatus>(`/api/setup-status?_=${reloadKey}`);
  return (
    <Loader state={status}>
      {(s) => (
        <section className={`card setup-status${s.live ? ' live' : ' setup'}`} aria-labelledby="setup-h">
          <h2 id="setup-h">{s.live ? 'Your receptionist is live' : 'Your receptionist is not live yet'}</h2>
          <ul className="checklist">
            {s.items.map((i) => (
              <li key={i.key} className={i.ok ? 'ok' : 'missing'}>
                <span aria-hidden="true">{i.ok ? '✓' : '!'}</span> <span>{i.message}</span>
                {!i.ok && <> <Link to={FIX[i.key].to}>{FIX[i.key].label} →</Link></>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Loader>
  );
}
