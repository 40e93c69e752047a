/** Sign up and log in. A new organization goes straight to onboarding. */
import { useState, type FormEvent } from 'react';
import { ApiError, COOKIE_SESSION, post, type Session } from '../api.js';
import { useSession } from '../session.js';
import { Link, navigate } from '../router.js';
import { FormError, Input, useSubmit } from '../ui.js';

/** The login or sign-up form. */
export default function Auth({ mode }: { mode: 'login' | 'signup' }) {
  const { signIn } = useSession();
  const s = useSubmit();
  const [f, setF] = useState({ email: '', password: '', organizationName: '', code: '' });
  // An admin with two-factor sign-in on is asked for the app's code after the password.
  const needsCode =
    s.error instanceof ApiError && ['two_factor_required', 'invalid_two_factor_code'].includes(s.error.code);
  const [askCode, setAskCode] = useState(false);
  if (needsCode && !askCode) setAskCode(true);
  const arrived = new URLSearchParams(location.search);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const session =
        mode === 'signup'
          ? await post<Session>(
              '/api/auth/register',
              { email: f.email, password: f.password, organizationName: f.organizationName, timezone },
              COOKIE_SESSION,
            )
          : await post<Session>(
              '/api/auth/login',
              { email: f.email, password: f.password, ...(askCode && f.code ? { code: f.code } : {}) },
              COOKIE_SESSION,
            );
      signIn(session);
      const next = new URLSearchParams(location.search).get('next');
      navigate(mode === 'signup' ? '/onboarding' : next && next.startsWith('/') ? next : '/', true);
    });
  };

  return (
    <div className="auth">
      <form className="card" onSubmit={submit} noValidate>
        <h1>{mode === 'signup' ? 'Create your receptionist' : 'Log in to InfiniOffice'}</h1>
        {mode === 'signup' && (
          <Input
            label="Business name"
            name="organizationName"
            required
            autoComplete="organization"
            value={f.organizationName}
            onChange={set('organizationName')}
            error={s.fields.organizationName}
          />
        )}
        <Input
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="email"
          value={f.email}
          onChange={set('email')}
          error={s.fields.email}
        />
        <Input
          label="Password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          value={f.password}
          onChange={set('password')}
          error={s.fields.password}
          hint={mode === 'signup' ? 'At least 8 characters.' : undefined}
        />
        {mode === 'login' && askCode && (
          <Input
            label="Authentication code"
            name="code"
            autoComplete="one-time-code"
            value={f.code}
            onChange={set('code')}
            hint="The 6-digit code your authenticator app shows now, or one of your recovery codes."
          />
        )}
        {mode === 'login' && arrived.get('reset') && (
          <p className="notice" role="status">
            Your new password is saved. Every device was signed out; log in again.
          </p>
        )}
        {mode === 'login' && arrived.get('welcome') && (
          <p className="notice" role="status">
            Your password is saved. Log in to start.
          </p>
        )}
        <FormError error={s.error} />
        <button className="primary" type="submit" disabled={s.busy}>
          {s.busy ? 'Please wait…' : mode === 'signup' ? 'Sign up' : 'Log in'}
        </button>
        <p className="muted">
          {mode === 'signup' ? (
            <>
              Already have an account? <Link to="/login">Log in</Link>
            </>
          ) : (
            <>
              New here? <Link to="/signup">Create an account</Link> ·{' '}
              <Link to="/forgot-password">Forgot password?</Link>
            </>
          )}
        </p>
      </form>
    </div>
  );
}
