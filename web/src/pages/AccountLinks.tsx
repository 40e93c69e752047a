/**
 * The pages an emailed link or a forgotten password leads to: ask for a reset link, choose a new
 * password (reset), choose a first password (invitation), and confirm an email address. The link's
 * secret arrives in the URL fragment (#token=…), which the browser never sends to any server.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { Link, navigate } from '../router.js';
import { FormError, Input, useSubmit } from '../ui.js';

const publicPost = (path: string, body: unknown) => api(path, { method: 'POST', body, auth: false });
const tokenOfLink = () => new URLSearchParams(location.hash.slice(1)).get('token') ?? '';

function ForgotPassword() {
  const s = useSubmit();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await publicPost('/api/auth/password-reset', { email });
      setSent(true);
    });
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h1>Forgot your password?</h1>
      {sent ? (
        <p className="notice" role="status">
          If an account uses {email}, we emailed it a link to choose a new password. The link works once, for 30
          minutes.
        </p>
      ) : (
        <>
          <p className="muted">Enter your email address and we will send you a link to choose a new password.</p>
          <Input
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={s.fields.email}
          />
          <FormError error={s.error} />
          <button className="primary" disabled={s.busy || !email.trim()}>
            Send me a link
          </button>
        </>
      )}
      <p className="muted">
        <Link to="/login">Back to log in</Link>
      </p>
    </form>
  );
}

/** Choosing a password through a link: the reset link or the invitation. */
function ChoosePassword({ kind }: { kind: 'reset' | 'invite' }) {
  const s = useSubmit();
  const [password, setPassword] = useState('');
  const [token] = useState(tokenOfLink);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      await publicPost(kind === 'reset' ? '/api/auth/password-reset/confirm' : '/api/auth/set-password', {
        token,
        password,
      });
      navigate(`/login?${kind === 'reset' ? 'reset' : 'welcome'}=1`, true);
    });
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h1>{kind === 'reset' ? 'Choose a new password' : 'Welcome! Choose your password'}</h1>
      {kind === 'reset' && <p className="muted">Every device signed in to your account will be signed out.</p>}
      <Input
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={s.fields.password}
        hint="At least 8 characters."
      />
      <FormError error={s.error} />
      {s.error && !Object.keys(s.fields).length && kind === 'reset' && (
        <p className="muted">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <button className="primary" disabled={s.busy || !token}>
        {kind === 'reset' ? 'Save new password' : 'Save password'}
      </button>
    </form>
  );
}

function VerifyEmail() {
  const s = useSubmit();
  const [done, setDone] = useState(false);
  const asked = useRef(false);
  useEffect(() => {
    // Once: the link is single-use, and a development build runs effects twice.
    if (asked.current) return;
    asked.current = true;
    void s.run(async () => {
      await publicPost('/api/auth/verify-email', { token: tokenOfLink() });
      setDone(true);
    });
  }, []);
  return (
    <div className="card">
      <h1>Confirm your email</h1>
      {done && (
        <p className="notice" role="status">
          Your email address is confirmed. You can now connect your phone number.
        </p>
      )}
      {!done && !s.error && (
        <p className="muted" role="status">
          Confirming…
        </p>
      )}
      <FormError error={s.error} />
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </div>
  );
}

/** The page for one of the account link paths. */
export default function AccountLinks({ path }: { path: string }) {
  return (
    <div className="auth">
      {path === '/forgot-password' && <ForgotPassword />}
      {path === '/reset-password' && <ChoosePassword kind="reset" />}
      {path === '/set-password' && <ChoosePassword kind="invite" />}
      {path === '/verify-email' && <VerifyEmail />}
    </div>
  );
}
