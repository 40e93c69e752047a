/** Notifications (which events go where) and the dev inbox (what would have been sent). */
import { useEffect, useState } from 'react';
import { put } from '../api.js';
import { useCan } from '../session.js';
import { useLive } from '../live.js';
import { FormError, Loader, PageHead, useFetch, useSubmit } from '../ui.js';
import { fmtDateTime } from '../time.js';
import { useSession } from '../session.js';

type Doc = Record<string, unknown>;

/** Renders any settings document: booleans as checkboxes, strings as inputs, lists as comma text, objects as groups. */
function DocEditor({ value, onChange, readOnly, path = '' }: { value: Doc; onChange(v: Doc): void; readOnly: boolean; path?: string }) {
  const label = (k: string) => k.replace(/([A-Z])/g, ' $1').replace(/[._]/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return (
    <div className="doc">
      {Object.entries(value).filter(([k]) => !['id', 'organizationId', 'createdAt', 'updatedAt'].includes(k)).map(([k, v]) => {
        const set = (nv: unknown) => onChange({ ...value, [k]: nv });
        const id = `n-${path}${k}`;
        if (typeof v === 'boolean') return <label key={k} className="check-inline"><input type="checkbox" checked={v} disabled={readOnly} onChange={(e) => set(e.target.checked)} /> {label(k)}</label>;
        if (typeof v === 'string' || v === null) return <div key={k} className="field"><label htmlFor={id}>{label(k)}</label><input id={id} value={v ?? ''} disabled={readOnly} onChange={(e) => set(e.target.value || null)} /></div>;
        if (typeof v === 'number') return <div key={k} className="field"><label htmlFor={id}>{label(k)}</label><input id={id} type="number" value={v} disabled={readOnly} onChange={(e) => set(Number(e.target.value))} /></div>;
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return <div key={k} className="field"><label htmlFor={id}>{label(k)}</label><input id={id} value={v.join(', ')} disabled={readOnly} onChange={(e) => set(e.target.value.split(',').map((x) => x.trim()).filter(Boolean))} /></div>;
        if (v && typeof v === 'object' && !Array.isArray(v)) return <fieldset key={k}><legend>{label(k)}</legend><DocEditor value={v as Doc} onChange={set} readOnly={readOnly} path={`${path}${k}.`} /></fieldset>;
        return null;
      })}
    </div>
  );
}

/** The page. */
export default function Notifications() {
  const can = useCan('settings');
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const doc = useFetch<Doc>('/api/notifications');
  const inbox = useFetch<{ items: { id: string; channel: string; to: string; subject?: string; text: string; createdAt: string }[] }>('/api/dev-inbox');
  const [draft, setDraft] = useState<Doc | null>(null);
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  useEffect(() => { if (doc.data && !draft) setDraft(doc.data); }, [doc.data, draft]);
  useLive(() => void inbox.reload());
  const save = () => void s.run(async () => {
    const { id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, ...body } = draft ?? {};
    setDraft(await put<Doc>('/api/notifications', body)); setSaved(true);
  });
  return (
    <>
      <PageHead title="Notifications" />
      <section className="card stack" aria-labelledby="nh">
        <h2 id="nh">Where alerts go</h2>
        <Loader state={doc}>{() => draft && <DocEditor value={draft} onChange={(v) => { setSaved(false); setDraft(v); }} readOnly={!can} />}</Loader>
        <FormError error={s.error} />
        {can && draft && <div className="row"><button className="primary" onClick={save} disabled={s.busy}>Save</button>{saved && <span className="ok" role="status">Saved</span>}</div>}
      </section>
      <section className="card" aria-labelledby="ih">
        <h2 id="ih">Dev inbox</h2>
        <p className="muted">Every email, SMS, alert call and webhook the product would have sent while no real channel is configured.</p>
        <Loader state={inbox} empty={(d) => d.items.length === 0 && 'Nothing sent yet.'}>
          {(d) => (
            <ul className="inbox">
              {d.items.map((m) => (
                <li key={m.id}>
                  <div><span className={`badge ${m.channel}`}>{m.channel}</span> <strong>{m.subject ?? m.to}</strong> <span className="muted small">to {m.to} · {fmtDateTime(m.createdAt, tz)}</span></div>
                  <pre>{m.text}</pre>
                </li>
              ))}
            </ul>
          )}
        </Loader>
      </section>
    </>
  );
}
