/** Your account: email confirmation, password change, and two-factor sign-in (admins). */
import { useState, type FormEvent } from 'react';
import { COOKIE_SESSION, post, setTokens, type Session } from '../api.js';
import { useSession } from '../session.js';
import { FormError, Input, PageHead, useSubmit } from '../ui.js';

function EmailStatus() {
  const { user } = useSession();
  const s = useSubmit();
  const [sent, setSent] = useState(false);
  if (user?.emailVerified)
    return (
      <p>
        Email <strong>{user.email}</strong> is confirmed.
      </p>
    );
  return (
    <div className="stack">
      <p className="notice">
        Your email {user?.email} is not confirmed yet. Open the link we emailed you; your first phone number goes live
        only after that.
      </p>
      <FormError error={s.error} />
      {sent ? (
        <p role="status">A new link is on its way.</p>
      ) : (
        <div>
          <button
            disabled={s.busy}
            onClick={() =>
              void s.run(async () => {
                await post('/api/auth/verify-email/resend');
                setSent(true);
              })
            }
          >
            Send the link again
          </button>
        </div>
      )}
    </div>
  );
}

function ChangePassword() {
  const s = useSubmit();
  const [f, setF] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      // Every session ends; this one continues with the fresh tokens the answer carries.
      const session = await post<Session>('/api/auth/password', f, COOKIE_SESSION);
      setTokens({ accessToken: session.accessToken });
      setF({ currentPassword: '', newPassword: '' });
      setDone(true);
    });
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Change password">
      <h2>Change password</h2>
      <Input
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={f.currentPassword}
        onChange={(e) => setF({ ...f, currentPassword: e.target.value })}
        error={s.fields.currentPassword}
      />
      <Input
        label="New password"
        type="password"
        autoComplete="new-password"
        value={f.newPassword}
        onChange={(e) => setF({ ...f, newPassword: e.target.value })}
        error={s.fields.newPassword}
        hint="At least 8 characters. Your other devices will be signed out."
      />
      <FormError error={s.error} />
      {done && (
        <p className="notice" role="status">
          Password changed. Other devices were signed out.
        </p>
      )}
      <div>
        <button className="primary" disabled={s.busy}>
          Change password
        </button>
      </div>
    </form>
  );
}

function TwoFactor() {
  const { user, reload } = useSession();
  const s = useSubmit();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState('');
  // Shown once, right after two-factor is switched on; the server keeps only their hashes.
  const [recovery, setRecovery] = useState<string[] | null>(null);
  if (user?.role !== 'admin') return null;
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const r = await post<{ recoveryCodes?: string[] } | undefined>(
        user.twoFactorEnabled ? '/api/auth/2fa/disable' : '/api/auth/2fa/confirm',
        { code },
      );
      setRecovery(r?.recoveryCodes ?? null);
      setEnrolment(null);
      setCode('');
      await reload();
    });
  };
  const codeForm = (label: string) => (
    <form className="row wrap" onSubmit={confirm} noValidate>
      <Input
        label="Code from your app"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={s.fields.code}
      />
      <button className="primary" disabled={s.busy || code.trim().length !== 6}>
        {label}
      </button>
    </form>
  );
  return (
    <section className="card stack" aria-label="Two-factor sign-in">
      <h2>Two-factor sign-in</h2>
      {user.twoFactorEnabled ? (
        <>
          <p>On: signing in asks for a code from your authenticator app.</p>
          {recovery && (
            <div className="notice" role="status" aria-label="Recovery codes">
              <p>
                <strong>Save these recovery codes now: they are shown only this once.</strong> Each one signs you in
                once in place of an app code if you lose your phone.
              </p>
              <ul className="list">
                {recovery.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {codeForm('Turn off')}
        </>
      ) : enrolment ? (
        <>
          <p>
            Add this key to your authenticator app (Google Authenticator, 1Password, Authy…), then enter the code it
            shows.
          </p>
          <p>
            <code aria-label="Setup key">{enrolment.secret}</code>
          </p>
          <p className="small">
            <a href={enrolment.otpauthUri}>Open in an authenticator app on this device</a>
          </p>
          {codeForm('Turn on')}
        </>
      ) : (
        <>
          <p className="muted">Off. With it on, a stolen password alone cannot open your account.</p>
          <div>
            <button
              onClick={() => void s.run(async () => setEnrolment(await post('/api/auth/2fa/enrol')))}
              disabled={s.busy}
            >
              Set up two-factor sign-in
            </button>
          </div>
        </>
      )}
      <FormError error={s.error} />
    </section>
  );
}

/** The page. */
export default function Account() {
  return (
    <>
      <PageHead title="Your account" />
      <section className="card">
        <EmailStatus />
      </section>
      <ChangePassword />
      <TwoFactor />
    </>
  );
}
