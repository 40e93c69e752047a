/** Phone numbers that route calls to this organization: list, connect, disconnect. */
import { useState, type FormEvent } from 'react';
import { del, post, type Answer, type RequestBody } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan } from '../session.js';
import { FormError, Input, Loader, useSubmit } from '../ui.js';

/** The numbers panel; `onAdded` lets onboarding move on. */
export function PhoneNumbersPanel({ onAdded }: { onAdded?(): void }) {
  const can = useCan('settings');
  const list = useApi<Answer<'/api/phone-numbers'>>('/api/phone-numbers');
  // a connected number is what puts the receptionist live: the setup status changes with it
  const connect = useApiMutation(
    (b: RequestBody<'/api/phone-numbers', 'post'>) =>
      post<Answer<'/api/phone-numbers', 'post'> | { verification: 'code_sent'; e164: string }>('/api/phone-numbers', b),
    ['phone-numbers', 'setup-status'],
  );
  const disconnect = useApiMutation((id: string) => del(`/api/phone-numbers/${id}`), ['phone-numbers', 'setup-status']);
  const s = useSubmit();
  const rm = useSubmit();
  const [num, setNum] = useState('');
  // Test mode (no Twilio account): the server texts a code to the number, and it connects once the code comes back.
  const [pending, setPending] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const r = await connect.mutateAsync({
        e164: pending ?? num,
        provider: 'twilio',
        ...(pending ? { verificationCode: code.trim() } : {}),
      });
      if (r.verification === 'code_sent') {
        setPending(r.e164);
        setCode('');
        return;
      }
      setNum('');
      setPending(null);
      setCode('');
      onAdded?.();
    });
  };
  return (
    <section className="stack">
      <Loader
        state={list}
        empty={(d) =>
          d.items.length === 0 &&
          'No number connected: the agent runs in test mode (chat, simulator and browser test calls).'
        }
      >
        {(d) => (
          <ul className="list">
            {d.items.map((p) => (
              <li key={p.id}>
                <strong>{p.e164}</strong> <span className="muted">{p.provider}</span>
                {can && (
                  <button
                    className="link danger"
                    onClick={() => confirm(`Disconnect ${p.e164}?`) && void rm.run(() => disconnect.mutateAsync(p.id))}
                  >
                    Disconnect
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loader>
      <FormError error={rm.error} />
      {can && (
        <form onSubmit={add} className="row wrap" noValidate>
          {pending ? (
            <Input
              label="Code texted to the number"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={s.fields.verificationCode}
              hint={`We texted a 6-digit code to ${pending} to check it is yours (without a Twilio account it is in the dev inbox).`}
            />
          ) : (
            <Input
              label="Your Twilio number"
              type="tel"
              value={num}
              onChange={(e) => setNum(e.target.value)}
              error={s.fields.e164}
              placeholder="+1 415 555 0100"
              hint="Point the number's voice webhook at /twilio/voice on this server."
            />
          )}
          <button className="primary" disabled={s.busy || !(pending ? code.trim() : num.trim())}>
            {pending ? 'Confirm code' : 'Connect number'}
          </button>
          {pending && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setPending(null);
                setCode('');
              }}
            >
              Use another number
            </button>
          )}
          <FormError error={s.error} />
        </form>
      )}
    </section>
  );
}
