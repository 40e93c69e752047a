/** The dashboard's entry: session, shell with role-aware navigation, and lazily loaded pages. */
import { StrictMode, Suspense, lazy, useEffect, useRef, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionProvider, useSession } from './session.js';
import { Link, match, navigate, useLocation } from './router.js';
import { useLive, type LiveEvent } from './live.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient, useLiveInvalidation } from './queries.js';
import './styles.css';

const page = (f: () => Promise<{ default: ComponentType<any> }>) => lazy(f);
const Home = page(() => import('./pages/Home.js'));
const Calls = page(() => import('./pages/Calls.js'));
const CallDetail = page(() => import('./pages/CallDetail.js'));
const Calendar = page(() => import('./pages/Calendar.js'));
const Leads = page(() => import('./pages/Leads.js'));
const Clients = page(() => import('./pages/Clients.js'));
const Knowledge = page(() => import('./pages/Knowledge.js'));
const Questions = page(() => import('./pages/Questions.js'));
const Agent = page(() => import('./pages/Agent.js'));
const Hours = page(() => import('./pages/Hours.js'));
const Settings = page(() => import('./pages/Settings.js'));
const Services = page(() => import('./pages/Services.js'));
const PhoneNumbers = page(() => import('./pages/PhoneNumbers.js'));
const Notifications = page(() => import('./pages/Notifications.js'));
const Integrations = page(() => import('./pages/Integrations.js'));
const Team = page(() => import('./pages/Team.js'));
const TestAgent = page(() => import('./pages/TestAgent.js'));
const Widget = page(() => import('./pages/Widget.js'));
const Outbound = page(() => import('./pages/Outbound.js'));
const Campaigns = page(() => import('./pages/Campaigns.js'));
const Onboarding = page(() => import('./pages/Onboarding.js'));
const Billing = page(() => import('./pages/Billing.js'));
const Auth = page(() => import('./pages/Auth.js'));
const Account = page(() => import('./pages/Account.js'));
const AccountLinks = page(() => import('./pages/AccountLinks.js'));
/** Pages an emailed link or "forgot password" opens; they work signed in or not (kept in step with AccountLinks). */
const LINK_PATHS = ['/forgot-password', '/reset-password', '/set-password', '/verify-email'];

const ROUTES: [string, ComponentType<any>][] = [
  ['/', Home],
  ['/calls', Calls],
  ['/calls/:id', CallDetail],
  ['/calendar', Calendar],
  ['/leads', Leads],
  ['/clients', Clients],
  ['/clients/:id', Clients],
  ['/knowledge', Knowledge],
  ['/questions', Questions],
  ['/agent', Agent],
  ['/hours', Hours],
  ['/settings', Settings],
  ['/services', Services],
  ['/phone-numbers', PhoneNumbers],
  ['/notifications', Notifications],
  ['/integrations', Integrations],
  ['/team', Team],
  ['/test', TestAgent],
  ['/onboarding', Onboarding],
  ['/widget', Widget],
  ['/outbound', Outbound],
  ['/campaigns', Campaigns],
  ['/campaigns/:id', Campaigns],
  ['/billing', Billing],
  ['/account', Account],
];

const NAV: { to: string; label: string }[] = [
  { to: '/', label: 'Home' },
  { to: '/calls', label: 'Calls' },
  { to: '/calendar', label: 'Appointments' },
  { to: '/clients', label: 'Clients' },
  { to: '/leads', label: 'Leads' },
  { to: '/test', label: 'Test your agent' },
  { to: '/questions', label: 'Questions to answer' },
  { to: '/knowledge', label: 'Knowledge' },
  { to: '/agent', label: 'Agent & voice' },
  { to: '/settings', label: 'Business settings' },
  { to: '/hours', label: 'Hours & holidays' },
  { to: '/services', label: 'Services & staff' },
  { to: '/phone-numbers', label: 'Phone numbers' },
  { to: '/widget', label: 'Chat widget' },
  { to: '/outbound', label: 'Outbound calls' },
  { to: '/campaigns', label: 'Campaigns' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/integrations', label: 'Integrations' },
  { to: '/team', label: 'Team & roles' },
  { to: '/account', label: 'Your account' },
];

function Toasts() {
  useLiveInvalidation();
  const [items, setItems] = useState<{ id: number; text: string; urgent: boolean }[]>([]);
  useLive((e: LiveEvent) => {
    const text = describe(e);
    if (!text) return;
    const id = Date.now() + Math.random();
    setItems((xs) => [
      ...xs.slice(-3),
      { id, text, urgent: e.type === 'lead.urgent' || (e.type === 'lead.created' && e.data.priority === 'URGENT') },
    ]);
    setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== id)), 6000);
  });
  return (
    <div className="toasts" role="status" aria-live="polite">
      {items.map((t) => (
        <div key={t.id} className={`toast${t.urgent ? ' urgent' : ''}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}

function describe(e: LiveEvent): string | null {
  switch (e.type) {
    case 'call.started':
      if (e.data.channel === 'test') return null;
      return e.data.channel === 'chat' ? 'New website chat' : `New call from ${e.data.from ?? 'an unknown number'}`;
    case 'appointment.booked':
      return 'New booking';
    case 'lead.urgent':
      return 'Urgent lead!';
    case 'lead.created':
      return e.data.priority === 'URGENT' ? 'Urgent lead!' : 'New lead';
    default:
      return null;
  }
}

function Shell() {
  const { user, organization, loading, signOut } = useSession();
  const { path } = useLocation();
  const [menu, setMenu] = useState(false);
  const isPublic = path === '/login' || path === '/signup';
  const isLinkPage = LINK_PATHS.includes(path);

  const firstPath = useRef(path);
  useEffect(() => {
    setMenu(false);
    // After navigating, keyboard and screen-reader users start at the new page's content, not the old link.
    if (path !== firstPath.current) document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  useEffect(() => {
    if (loading || isLinkPage) return;
    if (!user && !isPublic) navigate(`/login${path !== '/' ? `?next=${encodeURIComponent(path)}` : ''}`, true);
    if (user && isPublic) navigate('/', true);
  }, [user, loading, isPublic, isLinkPage, path]);

  if (isLinkPage)
    return (
      <Suspense fallback={null}>
        <AccountLinks path={path} />
      </Suspense>
    );
  if (loading)
    return (
      <p className="muted center" role="status">
        Loading…
      </p>
    );
  if (!user || isPublic)
    return (
      <Suspense fallback={null}>
        <Auth mode={path === '/signup' ? 'signup' : 'login'} />
      </Suspense>
    );

  let Page: ComponentType<any> | null = null;
  let params: Record<string, string> = {};
  for (const [pattern, C] of ROUTES) {
    const m = match(pattern, path);
    if (m) {
      Page = C;
      params = m;
      break;
    }
  }

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button className="menu-btn" aria-expanded={menu} aria-controls="nav" onClick={() => setMenu(!menu)}>
          Menu
        </button>
        <strong className="brand">InfiniOffice</strong>
        <span className="org">{organization?.name}</span>
        <span className="who">
          <span className="muted">{user.email}</span> <span className="badge role">{user.role}</span>
        </span>
        <button className="link" onClick={() => void signOut()}>
          Log out
        </button>
      </header>
      <nav id="nav" className={menu ? 'open' : ''} aria-label="Main">
        <ul>
          {[...NAV, ...(user.role === 'admin' ? [{ to: '/billing', label: 'Billing' }] : [])].map((n) => (
            <li key={n.to}>
              <Link to={n.to}>{n.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading…
            </p>
          }
        >
          {Page ? (
            <Page {...params} />
          ) : (
            <p className="empty">
              This page does not exist. <Link to="/">Go home</Link>
            </p>
          )}
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}

// Installable app: the service worker keeps the app shell and shows urgent-lead pushes (web/public/sw.js); not under the dev server's hot reload.
if (!(import.meta as { hot?: unknown }).hot && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
