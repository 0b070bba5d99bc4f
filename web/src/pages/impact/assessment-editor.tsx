import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import type { AssessmentSection } from '../../../../src/domain/impact/impact-assessment.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { IMPACT_KEYS, saveAssessment, submitAssessment } from '../../api/impact.api.js';
import { RISK_KEYS } from '../../api/risk.api.js';
import { draftOf, parseDraft, problemsOf, type Draft, type Problems } from './assessment-draft.js';
import { FundamentalRightsEditor, ImpactsEditor, MitigationsEditor, StakeholdersEditor, TextSection } from './assessment-sections.js';
import { SECTION_QUESTION, SECTION_TITLE, withFieldLabels } from './impact-labels.js';
import { SectionBadge } from './section-status.js';

interface Alert {
  text: string;
  /** Sections the server (or the contract) found fault with, linked from the alert. */
  sections: AssessmentSection[];
}

interface AssessmentEditorProps {
  assessment: ImpactAssessmentOutput;
  sections: readonly AssessmentSection[];
  method: ScoringMethodVersionOutput['method'];
  onSaved: (assessment: ImpactAssessmentOutput, message: string) => void;
}

const sectionOf = (path: string) => path.split('.')[1] as AssessmentSection;

/**
 * The guided assessment form. Save keeps a draft (checked with the contract, then by the server);
 * Submit saves, then asks the server, which names every incomplete section as `content.<section>`.
 */
export function AssessmentEditor({ assessment, sections, method, onSaved }: AssessmentEditorProps) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment.content, assessment.fundamentalRightsRequired));
  const [dirty, setDirty] = useState(false);
  /** Field problems from the contract or a refused save, shown on the fields. */
  const [problems, setProblems] = useState<Problems>({});
  /** What a refused submit said about whole sections (`content.<section>`), shown at each section. */
  const [sectionProblems, setSectionProblems] = useState<Problems>({});
  const [alert, setAlert] = useState<Alert | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('.form-alert');
    target?.focus();
  }, [attempt]);

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
  };

  const refuse = (next: Problems, text: string, kind: 'fields' | 'sections' = 'fields') => {
    setProblems(kind === 'fields' ? next : {});
    setSectionProblems(kind === 'sections' ? next : {});
    const faulty = [...new Set(Object.keys(next).filter((k) => k.startsWith('content.')).map(sectionOf))].filter((s) => sections.includes(s));
    setAlert({ text, sections: faulty });
    setAttempt((n) => n + 1);
  };

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
  };

  const save = async (): Promise<ImpactAssessmentOutput | null> => {
    const parsed = parseDraft(draft);
    if ('problems' in parsed) {
      refuse(parsed.problems, 'Please correct the highlighted fields. Nothing was saved.');
      return null;
    }
    try {
      const saved = await saveAssessment(assessment.id, parsed.content);
      setDirty(false);
      return saved;
    } catch (error) {
      const next = problemsOf(error);
      refuse(next, Object.keys(next).length ? 'The server refused some fields, highlighted below. Nothing was saved.' : errorMessage(error));
      return null;
    }
  };

  const onSave = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy('save');
    try {
      const saved = await save();
      if (saved) {
        setProblems({});
        setSectionProblems({});
        setAlert(null);
        await refresh();
        onSaved(saved, `Draft saved: ${saved.completeness.filter((c) => c.complete).length} of ${saved.completeness.length} sections complete.`);
      }
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    if (busy) return;
    setBusy('submit');
    try {
      const saved = dirty || assessment.state !== 'draft' ? await save() : assessment;
      if (!saved) return;
      try {
        const submitted = await submitAssessment(assessment.id);
        setProblems({});
        setSectionProblems({});
        setAlert(null);
        await refresh();
        onSaved(submitted, 'Submitted for approval. An approver who did not write it decides it.');
      } catch (error) {
        await refresh();
        const next = problemsOf(error);
        const count = new Set(Object.keys(next).map(sectionOf)).size;
        refuse(next, error instanceof ApiError && count > 0 ? `Not submitted: ${count} ${count === 1 ? 'section is' : 'sections are'} incomplete. Your changes are saved.` : errorMessage(error), 'sections');
      }
    } finally {
      setBusy(null);
    }
  };

  const sectionProblem = (section: AssessmentSection) => {
    const text = sectionProblems[`content.${section}`];
    return text ? withFieldLabels(text) : undefined;
  };
  const props = { draft, problems, change };
  const body: Record<AssessmentSection, ReactNode> = {
    purpose: <TextSection {...props} section="purpose" label="Purpose" />,
    intendedUse: <TextSection {...props} section="intendedUse" label="Intended use" />,
    foreseeableMisuse: <TextSection {...props} section="foreseeableMisuse" label="Foreseeable misuse" />,
    stakeholders: <StakeholdersEditor {...props} />,
    impacts: <ImpactsEditor {...props} method={method} />,
    fundamentalRights: <FundamentalRightsEditor {...props} />,
    mitigations: <MitigationsEditor {...props} />,
    humanOversight: <TextSection {...props} section="humanOversight" label="Human oversight measures" />,
  };

  return (
    <form ref={formRef} onSubmit={(e) => void onSave(e)} noValidate aria-label="Impact assessment" className="form">
      {alert ? (
        <div className="form-alert" role="alert" tabIndex={-1}>
          <p className="form-alert__text">{alert.text}</p>
          {alert.sections.length > 0 ? (
            <ul className="form-alert__list">
              {alert.sections.map((s) => (
                <li key={s}>
                  <a href={`#section-${s}`}>{SECTION_TITLE[s]}</a>
                  {sectionProblem(s) ? `: ${sectionProblem(s)}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {sections.map((section) => (
        <section key={section} id={`section-${section}`} className={`panel assessment-section${sectionProblem(section) ? ' assessment-section--invalid' : ''}`} aria-labelledby={`section-${section}-title`}>
          <div className="assessment-section__head">
            <h2 id={`section-${section}-title`} className="panel__title">
              {SECTION_TITLE[section]}
            </h2>
            <SectionBadge entry={assessment.completeness.find((c) => c.section === section)} />
          </div>
          <p className="assessment-section__question">{SECTION_QUESTION[section]}</p>
          {sectionProblem(section) ? (
            <p className="field__error section-problem">
              <span aria-hidden="true">⚠ </span>To submit: {sectionProblem(section)}
            </p>
          ) : null}
          {body[section]}
        </section>
      ))}
      <div className="assessment-actions">
        <p className="muted assessment-actions__state" aria-live="polite">
          {dirty ? 'You have unsaved changes.' : 'All changes saved.'}
        </p>
        <button type="submit" className="button button--secondary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save draft'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void onSubmit()}>
          {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
        </button>
      </div>
    </form>
  );
}
