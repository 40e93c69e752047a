/** Questions to answer: what callers asked that the agent could not answer; one answer teaches the agent for the next caller. */
import { useState, type FormEvent } from 'react';
import { post, type Item } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useSession, useCan } from '../session.js';
import { Link } from '../router.js';
import { FormError, Loader, PageHead, TextArea, useSubmit } from '../ui.js';
import { fmtDateTime } from '../time.js';

/** One item of GET /api/unanswered-questions. */
export type UnansweredQuestion = Item<'/api/unanswered-questions'>;

const MAX_ANSWER = 4000;

function AnswerForm({ q, onAnswered }: { q: UnansweredQuestion; onAnswered(): void }) {
  const s = useSubmit();
  // the answer becomes a knowledge entry and the question leaves the list
  const answerIt = useApiMutation(
    (text: string) => post(`/api/unanswered-questions/${q.id}/answer`, { answer: text }),
    ['unanswered-questions', 'knowledge'],
  );
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) {
      setMissing(true);
      return;
    }
    void s.run(async () => {
      await answerIt.mutateAsync(answer.trim());
      onAnswered();
    });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={`Answer: ${q.question}`}>
      <TextArea
        label="Your answer"
        rows={2}
        limit={MAX_ANSWER}
        value={answer}
        onChange={(e) => {
          setAnswer(e.target.value);
          setMissing(false);
        }}
        error={missing ? 'Please write the answer' : s.fields.answer}
      />
      <FormError error={s.error} />
      <div className="row">
        <button className="primary" disabled={s.busy}>
          Save answer
        </button>
      </div>
    </form>
  );
}

/** The page. */
export default function Questions() {
  const { organization } = useSession();
  const tz = organization?.timezone ?? 'UTC';
  const can = useCan('operations');
  const list = useApi<{ items: UnansweredQuestion[] }>('/api/unanswered-questions');
  const [answered, setAnswered] = useState<string | null>(null);
  return (
    <>
      <PageHead title="Questions to answer" />
      <p className="muted">
        Callers asked these and your receptionist did not know. Answer once and the next caller gets your answer.
      </p>
      {answered && (
        <p className="notice" role="status">
          Added to your knowledge: “{answered}”. <Link to="/knowledge">See all answers</Link>
        </p>
      )}
      <Loader
        state={list}
        empty={(d) => d.items.length === 0 && 'No open questions: your receptionist answered everything callers asked.'}
      >
        {(d) => (
          <ul className="kb questions">
            {d.items.map((q) => (
              <li key={q.id} className="card">
                <strong>“{q.question}”</strong>
                <p className="muted small">
                  Asked {q.count === 1 ? 'once' : `${q.count} times`} · last {fmtDateTime(q.lastAskedAt, tz)}
                  {q.callIds[0] && (
                    <>
                      {' '}
                      · <Link to={`/calls/${q.callIds[0]}`}>hear the call</Link>
                    </>
                  )}
                </p>
                {can && <AnswerForm q={q} onAnswered={() => setAnswered(q.question)} />}
              </li>
            ))}
          </ul>
        )}
      </Loader>
    </>
  );
}
