/** Small building blocks: loading/empty/error states around data (loaded through queries.ts), labelled fields, buttons, notices. */
import {
  useCallback,
  useEffect,
  useId,
  useState,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from './api.js';
import { Link } from './router.js';

/** Renders loading, error and empty states around a list or document. */
export function Loader<T>({
  state,
  empty,
  children,
}: {
  state: { data?: T; error?: Error; loading: boolean };
  empty?: (d: T) => boolean | ReactNode;
  children: (d: T) => ReactNode;
}) {
  if (state.error && state.data === undefined) return <UpgradePrompt error={state.error} />;
  if (state.data === undefined)
    return (
      <p className="muted" role="status" aria-busy="true">
        Loading…
      </p>
    );
  const e = empty?.(state.data);
  if (e) return <p className="empty">{typeof e === 'boolean' ? 'Nothing here yet.' : e}</p>;
  return <>{children(state.data)}</>;
}

const PLAN_NAMES: Record<string, string> = { starter: 'Starter', growth: 'Growth', scale: 'Scale' };
const isPlanRequired = (e: Error): e is ApiError => e instanceof ApiError && e.code === 'plan_required';

/** What a gated feature shows instead of a failure: which plan unlocks it, and where to get it. */
export function UpgradePrompt({ error }: { error: Error }) {
  if (!isPlanRequired(error))
    return (
      <p className="notice error" role="alert">
        {error.message}
      </p>
    );
  const plan = (error.details as { plan?: string } | undefined)?.plan ?? '';
  return (
    <p className="notice upgrade" role="alert">
      This needs the {PLAN_NAMES[plan] ?? plan} plan. <Link to="/billing">See plans and upgrade</Link>
    </p>
  );
}

/** Tracks a form's submission: busy flag, top-level error and per-field errors from the API. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const run = useCallback(async <R,>(fn: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const fields = error instanceof ApiError ? error.fields : {};
  return { busy, error, fields, run, clear: () => setError(null) };
}

/** A form-level error (the field errors show beside their fields). */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  if (isPlanRequired(error)) return <UpgradePrompt error={error} />;
  const hasFields = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <p className="notice error" role="alert">
      {hasFields ? 'Please fix the highlighted fields.' : error.message}
    </p>
  );
}

type FieldProps = { label: string; error?: string; hint?: ReactNode };

/** A labelled input with its error right below it. */
export function Input({ label, error, hint, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field${rest.type === 'checkbox' ? ' check' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-e` : undefined} {...rest} />
      {hint && <small className="muted">{hint}</small>}
      {error && (
        <small className="field-error" id={`${id}-e`}>
          {error}
        </small>
      )}
    </div>
  );
}

/** A labelled select. */
export function Select({ label, error, children, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-e` : undefined} {...rest}>
        {children}
      </select>
      {error && (
        <small className="field-error" id={`${id}-e`}>
          {error}
        </small>
      )}
    </div>
  );
}

/** A labelled textarea. */
export function TextArea({
  label,
  error,
  limit,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { limit?: number }) {
  const id = useId();
  const used = typeof rest.value === 'string' ? rest.value.length : 0;
  // A long field shows how much room is left (the server's own limit), and says so in words when over.
  const over = limit != null && used > limit;
  const shown = error ?? (over ? `Please keep this under ${limit!.toLocaleString('en-US')} characters` : undefined);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={!!shown}
        aria-describedby={shown ? `${id}-e` : limit != null ? `${id}-c` : undefined}
        {...rest}
      />
      {limit != null && (
        <small className={`counter ${over ? 'field-error' : 'muted'}`} id={`${id}-c`}>
          {used.toLocaleString('en-US')} / {limit.toLocaleString('en-US')}
        </small>
      )}
      {shown && (
        <small className="field-error" id={`${id}-e`}>
          {shown}
        </small>
      )}
    </div>
  );
}

/** A page heading with optional actions on the right. */
export function PageHead({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · InfiniOffice`;
  }, [title]);
  return (
    <header className="page-head">
      <h1>{title}</h1>
      <div className="actions">{children}</div>
    </header>
  );
}

/** A badge for statuses, outcomes and priorities. */
export function Badge({ children, tone }: { children: ReactNode; tone?: string }) {
  return (
    <span
      className={`badge ${
        tone ??
        String(children)
          .toLowerCase()
          .replace(/[^a-z]+/g, '-')
      }`}
    >
      {children}
    </span>
  );
}

/** Formats cents (or a number of dollars) as money. */
export function money(cents: number | null | undefined): string {
  if (cents == null || Number.isNaN(cents)) return '—';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

/** The first defined value among alternative field names (for shapes still growing on the server). */
export function pick<T = any>(o: any, ...names: string[]): T | undefined {
  for (const n of names) {
    const v = n.split('.').reduce((acc, k) => (acc == null ? undefined : acc[k]), o);
    if (v !== undefined && v !== null) return v as T;
  }
  return undefined;
}
