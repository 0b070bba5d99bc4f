import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breakable } from '../../components/breakable.js';
import { useState } from 'react';
import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import { ASSESSMENT_SECTIONS } from '../../../../src/domain/impact/impact-assessment.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { IMPACT_KEYS, getAssessment, listAssessments } from '../../api/impact.api.js';
import { RISK_KEYS, getScoringMethod } from '../../api/risk.api.js';
import { DateTime } from '../../components/date-time.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate } from '../../lib/format.js';
import { Link, navigate } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { AssessmentDecision } from './assessment-decision.js';
import { AssessmentEditor } from './assessment-editor.js';
import { AssessmentHistory } from './assessment-history.js';
import { AssessmentReadOnly } from './assessment-readonly.js';
import { STATE_LABEL, STATE_TONE, assessmentPath } from './impact-labels.js';
import { SectionOverview } from './section-status.js';
import { startNextVersion } from './start-assessment.js';
import '../risks/risks.css';
import './impact.css';

/** One version of an AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4; after ISO/IEC 42005). */
export function AssessmentPage({ id }: { id: string }) {
  const { me } = useSession();
  const assessment = useQuery({ queryKey: IMPACT_KEYS.one(id), queryFn: () => getAssessment(id) });
  const [message, setMessage] = useState<string | null>(null);
  const a = assessment.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/impact-assessments">
          <span aria-hidden="true">← </span>Impact assessments
        </Link>
      </p>
      <PageHeader
        title={a ? `Impact assessment: ${a.systemName}` : 'Impact assessment'}
        organization={me.organization.name}
        description={
          a ? (
            <>
              Version {a.version} <StatusBadge tone={STATE_TONE[a.state]}>{STATE_LABEL[a.state]}</StatusBadge>
            </>
          ) : undefined
        }
      />
      {assessment.isPending ? <p role="status">Loading…</p> : null}
      {assessment.isError ? (
        <Notice tone="danger" title={assessment.error instanceof ApiError && assessment.error.status === 404 ? 'No such assessment' : 'Could not load this assessment'}>
          {errorMessage(assessment.error)} <Link to="/impact-assessments">Back to the list</Link>
        </Notice>
      ) : null}
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {a ? <AssessmentBody key={a.id} assessment={a} onMessage={setMessage} /> : null}
    </>
  );
}

function AssessmentBody({ assessment, onMessage }: { assessment: ImpactAssessmentOutput; onMessage: (message: string) => void }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const method = useQuery({ queryKey: RISK_KEYS.method, queryFn: getScoringMethod });
  const versions = useQuery({ queryKey: IMPACT_KEYS.ofSystem(assessment.systemId), queryFn: () => listAssessments({ systemId: assessment.systemId }) });
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const sections = ASSESSMENT_SECTIONS.filter((s) => s !== 'fundamentalRights' || assessment.fundamentalRightsRequired || assessment.content.fundamentalRights !== null);
  const editable = can('impact:write') && (assessment.state === 'draft' || assessment.state === 'changes_requested');
  const latest = versions.data?.[0];
  const canStartNext = can('impact:write') && latest?.id === assessment.id && assessment.state === 'approved';

  const startNext = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const next = await startNextVersion(assessment.systemId);
      await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
      navigate(assessmentPath(next.id));
    } catch (error) {
      setStartError(errorMessage(error));
    } finally {
      setStarting(false);
    }
  };
  const saved = (_a: ImpactAssessmentOutput, text: string) => {
    onMessage(text);
    void queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.one(assessment.id) });
  };

  return (
    <>
      {assessment.reviewDue ? (
        <Notice tone="warn" title="Review due">
          <p>
            This assessment needs a review{assessment.nextReviewOn ? ` (scheduled for ${formatDate(assessment.nextReviewOn)})` : ''}:
          </p>
          <ul className="reasons reasons--open">
            {assessment.reviewReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {canStartNext ? <p>Start the next version to review it; the current content is carried over.</p> : null}
        </Notice>
      ) : null}
      {assessment.state === 'changes_requested' ? (
        <Notice tone="warn" title="Changes requested">
          {assessment.decidedBy} returned this version{assessment.decidedAt ? <> on <DateTime iso={assessment.decidedAt} /></> : null}: {assessment.decisionNote ?? 'no note given'}. Edit it, save, and submit again.
        </Notice>
      ) : null}

      <section className="panel" aria-labelledby="assessment-record-title">
        <h2 id="assessment-record-title" className="panel__title">
          Record
        </h2>
        <dl className="details risk-details">
          <dt>AI system</dt>
          <dd>
            {assessment.systemName} <Link to={`/risks?system=${encodeURIComponent(assessment.systemId)}`}>Its risks</Link>
          </dd>
          <dt>Started</dt>
          <dd>
            <DateTime iso={assessment.createdAt} /> by <Breakable text={assessment.createdBy} />
          </dd>
          <dt>Submitted</dt>
          <dd>{assessment.submittedAt ? <><DateTime iso={assessment.submittedAt} /> by <Breakable text={assessment.submittedBy ?? ''} /></> : <span className="muted">Not yet</span>}</dd>
          <dt>Decided</dt>
          <dd>
            {assessment.decidedAt ? (
              <>
                <DateTime iso={assessment.decidedAt} /> by <Breakable text={assessment.decidedBy ?? ''} />
                {assessment.decisionNote ? <span className="muted"> — {assessment.decisionNote}</span> : null}
              </>
            ) : (
              <span className="muted">Not yet</span>
            )}
          </dd>
          <dt>Next review</dt>
          <dd>{assessment.nextReviewOn ? formatDate(assessment.nextReviewOn) : <span className="muted">Set when approved</span>}</dd>
          <dt>Art. 27 assessment</dt>
          <dd>{assessment.fundamentalRightsRequired ? 'Required: the latest EU AI Act classification makes you a deployer of a high-risk system.' : 'Not required by the latest classification.'}</dd>
        </dl>
        {canStartNext ? (
          <div className="form-actions assessment-next">
            <button type="button" className="button button--secondary" disabled={starting} onClick={() => void startNext()}>
              {starting ? 'Starting…' : `Start version ${assessment.version + 1}`}
            </button>
          </div>
        ) : null}
        {startError ? (
          <p className="form-alert" role="alert">
            {startError}
          </p>
        ) : null}
      </section>

      {assessment.state === 'submitted' && can('impact:approve') ? <AssessmentDecision assessment={assessment} onDecided={saved} /> : null}

      <SectionOverview assessment={assessment} sections={sections} />
      {editable && method.data ? <AssessmentEditor key={assessment.id} assessment={assessment} sections={sections} method={method.data.method} onSaved={saved} /> : null}
      {editable && method.isError ? <Notice tone="danger" title="Could not load the scoring method">{errorMessage(method.error)}</Notice> : null}
      {!editable ? <AssessmentReadOnly assessment={assessment} sections={sections} method={method.data?.method} /> : null}

      {versions.data ? <AssessmentHistory versions={versions.data} currentId={assessment.id} /> : null}
    </>
  );
}
