/**
 * "Alerts on this phone": asks the browser's permission and subscribes it to urgent-lead pushes
 * (Web Push through the service worker, with the server's VAPID public key), or turns them off.
 */
import { useEffect, useState } from 'react';
import { del, get, post, qs } from '../api.js';

type State = 'checking' | 'unsupported' | 'off' | 'on' | 'blocked';

const supported = () =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The service worker's registration (registered by main.tsx; waits at most a few seconds). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (!existing) await navigator.serviceWorker.register('/sw.js').catch(() => null);
  return Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 8000))]);
}

const keyBytes = (b64u: string) =>
  Uint8Array.from(atob(b64u.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export function PhoneAlerts() {
  const [state, setState] = useState<State>('checking');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (!supported()) {
      setState('unsupported');
      return;
    }
    if (Notification.permission === 'denied') {
      setState('blocked');
      return;
    }
    void registration()
      .then(async (reg) => {
        const sub = await reg?.pushManager.getSubscription();
        setState(sub ? 'on' : 'off');
      })
      .catch(() => setState('off'));
  }, []);
  const turnOn = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'blocked' : 'off');
        setMessage({ kind: 'error', text: 'Notifications were not allowed, so nothing changed.' });
        return;
      }
      const reg = await registration();
      if (!reg) throw new Error('no service worker');
      const { publicKey } = await get<{ publicKey: string }>('/api/push/public-key');
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const json = sub.toJSON();
      await post('/api/push/subscriptions', { endpoint: json.endpoint, keys: json.keys });
      setState('on');
      setMessage({ kind: 'ok', text: 'Alerts are on: an emergency call will show up on this device at once.' });
    } catch {
      setMessage({
        kind: 'error',
        text: 'This browser could not turn on alerts. Try again, or use the installed app.',
      });
    } finally {
      setBusy(false);
    }
  };
  const turnOff = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const reg = await registration();
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        await del(`/api/push/subscriptions${qs({ endpoint: sub.endpoint })}`).catch(() => undefined);
        await sub.unsubscribe();
      }
      setState('off');
      setMessage({ kind: 'ok', text: 'Alerts on this device are off.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="pa-h">
      <h2 id="pa-h">Alerts on this phone</h2>
      <p className="muted">
        Get a notification on this device the moment a caller reports an emergency. Add InfiniOffice to your home screen
        first (Share › Add to Home Screen, or Install app) so alerts arrive even when it is closed.
      </p>
      {state === 'unsupported' && (
        <p>
          This browser cannot show alerts. Open the dashboard in Chrome, Edge, Firefox or Safari (installed to the home
          screen).
        </p>
      )}
      {state === 'blocked' && (
        <p>Notifications are blocked for this site. Allow them in your browser's site settings, then reload.</p>
      )}
      {state === 'off' && (
        <button className="primary" disabled={busy} onClick={() => void turnOn()}>
          Turn on alerts on this device
        </button>
      )}
      {state === 'on' && (
        <p className="row wrap">
          <strong>Alerts are on for this device.</strong>{' '}
          <button disabled={busy} onClick={() => void turnOff()}>
            Turn off
          </button>
        </p>
      )}
      {message && (
        <p role="status" className={message.kind === 'error' ? 'notice error' : 'notice'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
