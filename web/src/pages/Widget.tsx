/** The website chat widget: the snippet to paste, which sites may embed it, its colour and side, and a live preview. */
import { useMemo, useState, type FormEvent } from 'react';
import { put, type Answer } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan, useSession } from '../session.js';
import { FormError, Input, Loader, PageHead, Select, TextArea, useSubmit } from '../ui.js';

/** GET|PUT /api/widget. */
type WidgetSettings = Answer<'/api/widget'> & { position: 'bottom-right' | 'bottom-left' };

const lines = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The preview: a blank page in a frame running the real script in preview mode (no conversation is started). */
function Preview({ chatKey, color, position }: { chatKey: string; color: string; position: string }) {
  const doc = useMemo(
    () => `<!doctype html><html><head><meta charset="utf-8"><title>Preview</title></head>
<body style="margin:0;font:14px system-ui;color:#555;background:#fafafa"><p style="padding:16px">Your website</p>
<script src="${escapeAttr(location.origin)}/widget.js" data-key="${escapeAttr(chatKey)}" data-color="${escapeAttr(color)}" data-position="${escapeAttr(position)}" data-open="true" data-preview="true" async></script></body></html>`,
    [chatKey, color, position],
  );
  return (
    <iframe
      title="Widget preview"
      className="widget-preview"
      srcDoc={doc}
      style={{ width: '100%', height: 620, border: '1px solid #ddd', borderRadius: 8 }}
    />
  );
}

function WidgetForm({ initial, chatKey }: { initial: WidgetSettings; chatKey: string }) {
  const [f, setF] = useState(initial);
  const [origins, setOrigins] = useState(initial.allowedOrigins.join('\n'));
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  const save = useApiMutation((b: object) => put<WidgetSettings>('/api/widget', b), ['widget']);
  const snippet = `<script src="${location.origin}/widget.js" data-key="${chatKey}" async></script>`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const after = await save.mutateAsync({
        allowedOrigins: lines(origins),
        color: f.color,
        position: f.position,
        greeting: f.greeting?.trim() || null,
      });
      setF(after);
      setOrigins(after.allowedOrigins.join('\n'));
      setSaved(true);
    });
  };
  const originError = Object.entries(s.fields).find(([k]) => k.startsWith('allowedOrigins'))?.[1];
  return (
    <div className="grid2">
      <form className="card stack" onSubmit={submit} noValidate>
        <h2>Add it to your website</h2>
        <p>
          Paste this line before <code>&lt;/body&gt;</code> on every page where customers should be able to chat:
        </p>
        <pre className="snippet" aria-label="Widget snippet">
          <code>{snippet}</code>
        </pre>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(snippet)}>
          Copy snippet
        </button>
        <TextArea
          label="Websites allowed to show the chat (one per line)"
          rows={3}
          value={origins}
          placeholder="https://www.yoursalon.com"
          onChange={(e) => {
            setSaved(false);
            setOrigins(e.target.value);
          }}
          error={originError}
        />
        <small className="muted">
          Only these sites can use the chat; the address without a path, e.g. https://www.yoursalon.com
        </small>
        <Input
          label="Colour"
          type="color"
          value={f.color}
          onChange={(e) => {
            setSaved(false);
            setF({ ...f, color: e.target.value });
          }}
          error={s.fields.color}
        />
        <Select
          label="Position"
          value={f.position}
          onChange={(e) => {
            setSaved(false);
            setF({ ...f, position: e.target.value as WidgetSettings['position'] });
          }}
        >
          <option value="bottom-right">Bottom right</option>
          <option value="bottom-left">Bottom left</option>
        </Select>
        <Input
          label="First message (optional)"
          value={f.greeting ?? ''}
          maxLength={300}
          placeholder="The agent's greeting"
          onChange={(e) => {
            setSaved(false);
            setF({ ...f, greeting: e.target.value });
          }}
          error={s.fields.greeting}
        />
        <div className="row">
          <button className="primary" disabled={s.busy}>
            Save
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved
            </span>
          )}
        </div>
        <FormError error={s.error} />
      </form>
      <section className="card stack" aria-label="Live preview">
        <h2>Preview</h2>
        <Preview chatKey={chatKey} color={f.color} position={f.position} />
      </section>
    </div>
  );
}

/** The page (admins only: the settings decide which sites may talk to the agent). */
export default function Widget() {
  const { organization } = useSession();
  const admin = useCan('settings');
  const state = useApi<WidgetSettings>(admin ? '/api/widget' : null, { fresh: true });
  if (!admin)
    return (
      <>
        <PageHead title="Chat widget" />
        <p className="notice">Only an admin can change the website chat widget.</p>
      </>
    );
  return (
    <>
      <PageHead title="Chat widget" />
      <Loader state={state}>{(d) => <WidgetForm initial={d} chatKey={organization?.chatKey ?? ''} />}</Loader>
    </>
  );
}
