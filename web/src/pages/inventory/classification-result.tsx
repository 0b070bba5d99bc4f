import type { ClassificationPreview, ClassificationAnswers, Questionnaire } from '../../api/inventory.api.js';
import { Notice } from '../../components/notice.js';
import { StatusBadge } from '../../components/status-badge.js';
import { GPAI_LABEL, OBLIGATION_ROLE_LABEL, tierLabel, tierTone } from './inventory-labels.js';

type Result = ClassificationPreview['result'];

/** The classifier's disclaimer, always in view where a screening result is shown. */
export function ScreeningDisclaimer({ text }: { text: string }) {
  return (
    <Notice tone="info" title="Screening, not legal advice">
      {text}
    </Notice>
  );
}

/** Option labels of the answers to one question, from the server's questionnaire. */
export function answerLabels(questionnaire: Questionnaire | undefined, questionId: string, answer: string | string[] | undefined): string[] {
  if (answer === undefined) return [];
  const values = Array.isArray(answer) ? answer : [answer];
  const question = questionnaire?.questions.find((q) => q.id === questionId);
  return values.map((v) => question?.options.find((o) => o.value === v)?.label ?? v);
}

/**
 * A screening result exactly as the server computed it: tier, Annex III points, the Art. 6(3)
 * exception with its reasons, Art. 50 transparency, GPAI, and the obligations by role with the
 * articles they cite. Nothing here is worked out on the client.
 */
export function ClassificationResultView({ result, answers, questionnaire, headingLevel = 3 }: { result: Result; answers?: ClassificationAnswers; questionnaire?: Questionnaire | undefined; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const byRole = new Map<string, Result['obligations']>();
  for (const o of result.obligations) byRole.set(o.role, [...(byRole.get(o.role) ?? []), o]);
  const art63Answers = answers ? answerLabels(questionnaire, 'Q_ART6_3', answers.Q_ART6_3).filter((l) => !/^none/i.test(l)) : [];

  return (
    <div className="classification">
      <p className="classification__tier">
        <StatusBadge tone={tierTone(result.tier)}>{tierLabel(result.tier)}</StatusBadge>
        {result.label ? <span className="classification__label">{result.label}</span> : null}
      </p>
      {!result.complete ? <p className="muted">The screening is incomplete: the server still needs {result.missing.join(', ')}.</p> : null}
      <dl className="details inventory-details">
        <dt>Annex III</dt>
        <dd>{result.annexIIIPoints.length > 0 ? result.annexIIIPoints.map((p) => `point ${p}`).join(', ') : <span className="muted">No point</span>}</dd>
        <dt>Annex I product</dt>
        <dd>{result.annexI ? 'Yes (Art. 6(1))' : 'No'}</dd>
        <dt>Art. 6(3) exception</dt>
        <dd>
          {result.tier === 'art6-3-exception' || result.art63Reasons.length > 0 ? (
            <>
              {art63Answers.length > 0 ? art63Answers.join('; ') : 'Applies'}
              {result.art63Reasons.length > 0 ? <span className="muted"> ({result.art63Reasons.join(', ')})</span> : null}
            </>
          ) : (
            <span className="muted">Does not apply</span>
          )}
        </dd>
        <dt>Transparency (Art. 50)</dt>
        <dd>{result.transparency.length > 0 ? result.transparency.join(', ') : <span className="muted">None</span>}</dd>
        <dt>General-purpose AI</dt>
        <dd>{GPAI_LABEL[result.gpai] ?? result.gpai}</dd>
        {result.fria !== undefined ? (
          <>
            <dt>Fundamental rights impact assessment</dt>
            <dd>{result.fria ? 'Required before use (Art. 27)' : 'Not required'}</dd>
          </>
        ) : null}
        <dt>Rules version</dt>
        <dd>{result.rulesVersion}</dd>
      </dl>
      <H className="inventory-subheading">Obligations by role</H>
      {byRole.size === 0 ? <p className="muted">No obligations for the roles answered.</p> : null}
      {[...byRole].map(([role, obligations]) => (
        <section key={role} className="classification__role" aria-label={`Obligations as ${OBLIGATION_ROLE_LABEL[role] ?? role}`}>
          <p className="classification__role-title">
            As {OBLIGATION_ROLE_LABEL[role] ?? role} ({obligations.length})
          </p>
          <ul className="classification__obligations">
            {obligations.map((o) => (
              <li key={`${role}-${o.id}`}>
                {o.text} <span className="classification__cite">{o.cite.join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {result.citations.length > 0 ? (
        <p className="muted">
          <strong>Cited:</strong> {result.citations.join(', ')}
        </p>
      ) : null}
    </div>
  );
}
