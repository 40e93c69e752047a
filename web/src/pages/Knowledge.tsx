/** The knowledge base the agent answers questions from. */
import { useState, type FormEvent } from 'react';
import { del, post, put, type Answer, type Item as ItemOf, type RequestBody } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan } from '../session.js';
import { FormError, Input, Loader, PageHead, TextArea, useSubmit } from '../ui.js';

type Item = ItemOf<'/api/knowledge'>;
type Body = RequestBody<'/api/knowledge', 'post'>;

function ItemForm({ initial, onDone, onCancel }: { initial?: Item; onDone(): void; onCancel?(): void }) {
  const s = useSubmit();
  const save = useApiMutation(
    (b: Body) =>
      initial
        ? put<Answer<'/api/knowledge/{id}', 'put'>>(`/api/knowledge/${initial.id}`, b)
        : post<Answer<'/api/knowledge', 'post'>>('/api/knowledge', b),
    ['knowledge'],
  );
  const [q, setQ] = useState(initial?.question ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const b = { ...(q.trim() ? { question: q } : {}), body };
      await save.mutateAsync(b);
      if (!initial) {
        setQ('');
        setBody('');
      }
      onDone();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={initial ? 'Edit answer' : 'Add an answer'}>
      <Input
        label="Question callers ask"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={s.fields.question}
        placeholder="Do you offer free estimates?"
      />
      <TextArea
        label="Answer"
        rows={3}
        limit={5000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={s.fields.body}
      />
      <FormError error={s.error} />
      <div className="row">
        <button className="primary" disabled={s.busy}>
          {initial ? 'Save' : 'Add answer'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The page. */
export default function Knowledge() {
  const can = useCan('operations');
  const list = useApi<Answer<'/api/knowledge'>>('/api/knowledge');
  const remove = useApiMutation((id: string) => del(`/api/knowledge/${id}`), ['knowledge']);
  const [editing, setEditing] = useState<string | null>(null);
  const rm = useSubmit();
  return (
    <>
      <PageHead title="Knowledge" />
      {can && (
        <details className="card add">
          <summary>Add an answer</summary>
          <ItemForm onDone={() => undefined} />
        </details>
      )}
      <Loader
        state={list}
        empty={(d) =>
          d.items.length === 0 && 'No answers yet. Add what callers often ask: prices, areas served, parking…'
        }
      >
        {(d) => (
          <ul className="kb">
            {d.items.map((k) => (
              <li key={k.id} className="card">
                {editing === k.id ? (
                  <ItemForm initial={k} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
                ) : (
                  <>
                    <strong>{k.question ?? k.title ?? 'Note'}</strong>
                    <p>{k.body}</p>
                    {can && (
                      <div className="row">
                        <button className="link" onClick={() => setEditing(k.id)}>
                          Edit
                        </button>
                        <button
                          className="link danger"
                          onClick={() => confirm('Delete this answer?') && void rm.run(() => remove.mutateAsync(k.id))}
                        >
                          Delete
                        </button>
                      </div>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loader>
      <FormError error={rm.error} />
    </>
  );
}
