/** Sign up and log in. A new organization goes straight to onboarding. */
import { useState, type FormEvent } from 'react';
import { COOKIE_SESSION, post, type Session } from '../api.js';
import { useSession } from '../session.js';
import { Link, navigate } from '../router.js';
import { FormError, Input, useSubmit } from '../ui.js';

/** The login or sign-up form. */
export default function Auth({ mode }: { mode: 'login' | 'signup' }) {
  const { signIn } = useSession();
  const s = useSubmit();
  const [f, setF] = useState({ email: '', password: '', organizationName: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const session = mode === 'signup'
        ? await post<Session>('/api/auth/register', { email: f.email, password: f.password, organizationName: f.organizationName, timezone }, COOKIE_SESSION)
        : await post<Session>('/api/auth/login', { email: f.email, password: f.password }, COOKIE_SESSION);
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
          <Input label="Business name" name="organizationName" required autoComplete="organization" value={f.organizationName} onChange={set('organizationName')} error={s.fields.organizationName} />
        )}
        <Input label="Email" name="email" type="email" required autoComplete="email" value={f.email} onChange={set('email')} error={s.fields.email} />
        <Input label="Password" name="password" type="password" required minLength={8} autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          value={f.password} onChange={set('password')} error={s.fields.password} hint={mode === 'signup' ? 'At least 8 characters.' : undefined} />
        <FormError error={s.error} />
        <button className="primary" type="submit" disabled={s.busy}>{s.busy ? 'Please wait…' : mode === 'signup' ? 'Sign up' : 'Log in'}</button>
        <p className="muted">
          {mode === 'signup' ? <>Already have an account? <Link to="/login">Log in</Link></> : <>New here? <Link to="/signup">Create an account</Link></>}
        </p>
      </form>
    </div>
  );
}
