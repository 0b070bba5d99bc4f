import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error.js';
import {
  INVENTORY_KEYS,
  getQuestionnaire,
  getSystem,
  listClassifications,
  previewClassification,
  recordClassification,
  type ClassificationAnswers,
  type ClassificationPreview,
} from '../../api/inventory.api.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { ClassificationResultView, ScreeningDisclaimer } from './classification-result.js';
import { systemPath } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';
import { QuestionStep } from './question-step.js';
import './inventory.css';

type Question = NonNullable<ClassificationPreview['next']>;
type Answer = string | string[];

/** The answered questions in the order they were asked; the answers object keeps that order. */
interface Walk {
  asked: Question[];
  answers: ClassificationAnswers;
}

/**
 * The EU AI Act screening, one question at a time. The server walks the decision tree: each step
 * sends the answers so far to POST /classification/preview and shows the question it returns, or
 * its result when there is none. Going back drops the answers after that question; they are kept
 * only to pre-fill the same question if the path leads there again.
 */
export function ClassificationWizardPage({ systemId }: { systemId: string }) {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const system = useQuery({ queryKey: INVENTORY_KEYS.system(systemId), queryFn: () => getSystem(systemId) });
  const questionnaire = useQuery({ queryKey: INVENTORY_KEYS.questionnaire, queryFn: getQuestionnaire, staleTime: Infinity });
  const history = useQuery({ queryKey: INVENTORY_KEYS.classifications(systemId), queryFn: () => listClassifications(systemId) });

  const [walk, setWalk] = useState<Walk>({ asked: [], answers: {} });
  const [preview, setPreview] = useState<ClassificationPreview | null>(null);
  const [remembered, setRemembered] = useState<ClassificationAnswers | null>(null);
  const [draft, setDraft] = useState<Answer | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sameAs, setSameAs] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const latest = history.data?.items[0];

  // Start once we know whether an earlier version exists: its answers pre-fill the questions.
  useEffect(() => {
    if (!history.data || remembered !== null) return;
    setRemembered({ ...(history.data.items[0]?.answers ?? {}) });
    void previewClassification({})
      .then((first) => {
        setPreview(first);
        setDraft(first.next ? history.data.items[0]?.answers[first.next.id] : undefined);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [history.data, remembered]);

  const current = preview?.next ?? null;
  useEffect(() => {
    headingRef.current?.focus();
  }, [current?.id, preview]);

  const next = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!current || busy) return;
    if (draft === undefined || (Array.isArray(draft) && draft.length === 0)) {
      setError(current.type === 'multi' ? 'Tick at least one answer (or the “none” answer).' : 'Choose an answer.');
      return;
    }
    setBusy(true);
    setError(null);
    const answers = { ...walk.answers, [current.id]: draft };
    try {
      const result = await previewClassification(answers);
      setWalk({ asked: [...walk.asked, current], answers });
      setRemembered((r) => ({ ...r, [current.id]: draft }));
      setPreview(result);
      setDraft(result.next ? (remembered?.[result.next.id] ?? undefined) : undefined);
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.field === `answers.${current.id}`) : undefined;
      setError(field ? `This answer ${field.reason}.` : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const back = async () => {
    const last = walk.asked.at(-1);
    if (!last || busy) return;
    const answers = { ...walk.answers };
    const previous = answers[last.id];
    delete answers[last.id];
    setBusy(true);
    setError(null);
    setSameAs(null);
    try {
      // Asked again with the answers before it, so the question and result so far are the server's.
      const result = await previewClassification(answers);
      setWalk({ asked: walk.asked.slice(0, -1), answers });
      setPreview(result);
      setDraft(previous);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const record = await recordClassification(systemId, walk.answers);
      await invalidateInventory(queryClient);
      if (latest && record.version === latest.version) setSameAs(record.version);
      else navigate(systemPath(systemId, 'classification'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const name = system.data?.name ?? 'AI system';
  const done = preview !== null && preview.next === null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={systemPath(systemId, 'classification')}>
          <span aria-hidden="true">← </span>
          {name}
        </Link>
      </p>
      <PageHeader
        title={`EU AI Act screening: ${name}`}
        organization={me.organization.name}
        description={latest ? `Version ${latest.version} exists; its answers are filled in. Changing an answer and saving stores a new version.` : 'One question at a time; the server decides which question comes next and what the answers lead to.'}
      />
      {preview ? <ScreeningDisclaimer text={preview.disclaimer} /> : null}
      {system.isError || history.isError ? <Notice tone="danger">{errorMessage(system.error ?? history.error)}</Notice> : null}
      {!preview && !error ? <p role="status">Loading the questionnaire…</p> : null}
      {!preview && error ? <Notice tone="danger">{error}</Notice> : null}
      {current ? (
        <section className="panel wizard" aria-labelledby="wizard-step-title">
          <h2 id="wizard-step-title" ref={headingRef} tabIndex={-1} className="panel__title wizard__step">
            Question {walk.asked.length + 1} <span className="muted">· {current.section.replace(/-/g, ' ')}</span>
          </h2>
          <form onSubmit={(e) => void next(e)} noValidate aria-label="Screening question">
            <QuestionStep question={current} value={draft} onChange={setDraft} error={error} />
            <div className="form-actions">
              <button type="button" className="button button--secondary" onClick={() => void back()} disabled={walk.asked.length === 0 || busy}>
                Back
              </button>
              <button type="submit" className="button" disabled={busy}>
                {busy ? 'Checking…' : 'Next'}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {done ? (
        <section className="panel wizard" aria-labelledby="wizard-result-title">
          <h2 id="wizard-result-title" ref={headingRef} tabIndex={-1} className="panel__title">
            Result of {walk.asked.length} answers
          </h2>
          {sameAs !== null ? (
            <Notice tone="info">
              These are the answers of version {sameAs}: nothing new was stored. <Link to={systemPath(systemId, 'classification')}>Back to the system</Link>
            </Notice>
          ) : null}
          {error ? <Notice tone="danger">{error}</Notice> : null}
          <ClassificationResultView result={preview.result} answers={walk.answers} questionnaire={questionnaire.data} />
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => void back()} disabled={busy}>
              Back
            </button>
            <button type="button" className="button" onClick={() => void save()} disabled={busy}>
              {busy ? 'Saving…' : 'Save classification'}
            </button>
          </div>
        </section>
      ) : null}
      {walk.asked.length > 0 ? (
        <details className="panel inventory-answers">
          <summary>Your answers so far ({walk.asked.length})</summary>
          <ol>
            {walk.asked.map((q) => {
              const a = walk.answers[q.id];
              const values = Array.isArray(a) ? a : a === undefined ? [] : [a];
              return (
                <li key={q.id}>
                  {q.text} <strong>{values.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join('; ')}</strong>
                </li>
              );
            })}
          </ol>
        </details>
      ) : null}
    </>
  );
}
