import { useQuery } from '@tanstack/react-query';
import { Breakable } from '../../components/breakable.js';
import { useState } from 'react';
import type { RiskOutput, ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { ISO_42001_CATALOG, REFERENCE_STALE_TIME, getCatalog, type Catalog } from '../../api/catalog.api.js';
import { RISK_KEYS, getRisk, getScoringMethod } from '../../api/risk.api.js';
import { DateTime } from '../../components/date-time.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDate } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { controlPath } from '../soa/soa-labels.js';
import { AcceptanceForm, CloseRiskForm, ReassessForm } from './risk-action-forms.js';
import { RiskFlags, RiskStatusBadge } from './risk-badges.js';
import { LEVEL_LABEL, SOURCE_LABEL, STATUS_LABEL, TREATMENT_LABEL } from './risk-labels.js';
import { RiskScoresTable } from './risk-scores-table.js';
import { RiskTrailPanel } from './risk-trail-panel.js';
import { TreatmentForm } from './treatment-form.js';
import './risks.css';

/** One risk: derived status with reasons and flags, scores, treatment, acceptance, reassessment, closing and its trail. */
export function RiskDetailPage({ id }: { id: string }) {
  const { me } = useSession();
  const risk = useQuery({ queryKey: RISK_KEYS.one(id), queryFn: () => getRisk(id) });
  const method = useQuery({ queryKey: RISK_KEYS.method, queryFn: getScoringMethod });
  const catalog = useQuery({ queryKey: ['catalogs', 'detail', ISO_42001_CATALOG], queryFn: () => getCatalog(ISO_42001_CATALOG), staleTime: REFERENCE_STALE_TIME });
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/risks">
          <span aria-hidden="true">← </span>AI risk register
        </Link>
      </p>
      <PageHeader
        title={risk.data ? risk.data.title : 'Risk'}
        organization={me.organization.name}
        description={risk.data ? `${risk.data.systemName} · ${SOURCE_LABEL[risk.data.sourceType]}${risk.data.sourceRef ? ` ${risk.data.sourceRef}` : ''}` : undefined}
      />
      {risk.isPending ? <p role="status">Loading…</p> : null}
      {risk.isError ? (
        <Notice tone="danger" title={risk.error instanceof ApiError && risk.error.status === 404 ? 'No such risk' : 'Could not load this risk'}>
          {errorMessage(risk.error)} <Link to="/risks">Back to the register</Link>
        </Notice>
      ) : null}
      {done ? <Notice tone="ok">{done}</Notice> : null}
      {risk.data ? <RiskBody risk={risk.data} method={method.data} catalog={catalog.data} onDone={setDone} /> : null}
    </>
  );
}

function RiskBody({ risk, method, catalog, onDone }: { risk: RiskOutput; method: ScoringMethodVersionOutput | undefined; catalog: Catalog | undefined; onDone: (message: string) => void }) {
  const { can } = useSession();
  const open = risk.closedAt === null;
  const controlTitle = (controlId: string) => catalog?.items.find((i) => i.id === controlId)?.title ?? '';
  const done = (_saved: RiskOutput, message: string) => onDone(message);
  return (
    <>
      <section className="panel" aria-labelledby="risk-status-title">
        <h2 id="risk-status-title" className="panel__title">
          Status
        </h2>
        <div className="risk-status-line">
          <RiskStatusBadge status={risk.status} reasons={[]} />
        </div>
        <ul className="reasons reasons--open" aria-label="Why">
          {risk.statusReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <RiskFlags flags={risk.flags} />
        <dl className="details risk-details">
          <dt>Owner</dt>
          <dd>{risk.ownerName ?? <span className="muted">Former member</span>}</dd>
          <dt>AI system</dt>
          <dd>
            {risk.systemName} <Link to={`/impact-assessments?system=${encodeURIComponent(risk.systemId)}`}>Impact assessments</Link>
          </dd>
          {risk.description ? (
            <>
              <dt>Description</dt>
              <dd className="pre-line">{risk.description}</dd>
            </>
          ) : null}
          <dt>Assessed</dt>
          <dd>
            <DateTime iso={risk.assessedAt} /> with scoring method version {risk.methodVersion}
          </dd>
          <dt>Next review</dt>
          <dd>{formatDate(risk.nextReviewOn)}</dd>
          {risk.closedAt ? (
            <>
              <dt>Closed</dt>
              <dd>
                <DateTime iso={risk.closedAt} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="risk-scores-title">
        <h2 id="risk-scores-title" className="panel__title">
          Scores
        </h2>
        <RiskScoresTable risk={risk} method={method?.method} />
        {method ? (
          <p className="muted score-note">
            Score = likelihood × the worse of severity and stakeholder impact; levels and the appetite ({LEVEL_LABEL[method.method.appetite]}) come from the <Link to="/scoring-method">scoring method</Link>.
          </p>
        ) : null}
      </section>

      {risk.acceptance || risk.status === 'acceptance_required' ? (
        <section className="panel" aria-labelledby="risk-acceptance-title">
          <h2 id="risk-acceptance-title" className="panel__title">
            Acceptance of the residual risk
          </h2>
          {risk.acceptance ? (
            <dl className="details risk-details">
              <dt>Accepted</dt>
              <dd>
                {LEVEL_LABEL[risk.acceptance.residualLevel]} residual risk, <DateTime iso={risk.acceptance.acceptedAt} /> by <Breakable text={risk.acceptance.acceptedBy} />
              </dd>
              <dt>Until</dt>
              <dd>{formatDate(risk.acceptance.expiresOn)}</dd>
              <dt>Justification</dt>
              <dd className="pre-line">{risk.acceptance.justification}</dd>
            </dl>
          ) : null}
          {risk.status === 'acceptance_required' ? (
            can('risk:accept') ? (
              <>
                <p className="muted">Residual risk above the appetite stands only with an approver’s signed acceptance. The risk’s owner cannot accept it.</p>
                <AcceptanceForm key={risk.updatedAt} risk={risk} onDone={done} />
              </>
            ) : (
              <Notice tone="info">An approver who does not own this risk must accept the residual risk, or the treatment must bring it within the appetite.</Notice>
            )
          ) : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="risk-treatment-title">
        <h2 id="risk-treatment-title" className="panel__title">
          Treatment
        </h2>
        <h3 className="panel__subtitle">Linked Annex A controls</h3>
        {risk.controlIds.length === 0 ? (
          <p className="muted">No control linked.</p>
        ) : (
          <ul className="risk-controls">
            {risk.controlIds.map((controlId) => (
              <li key={controlId}>
                <Link to={controlPath(controlId)}>
                  {controlId} {controlTitle(controlId)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {open && can('risk:write') && method ? (
          <TreatmentForm key={risk.updatedAt} risk={risk} method={method} catalog={catalog} onSaved={(saved) => onDone(`Treatment saved. Status: ${STATUS_LABEL[saved.status]}.`)} />
        ) : (
          <dl className="details risk-details">
            <dt>Option</dt>
            <dd>{risk.treatment ? TREATMENT_LABEL[risk.treatment] : <span className="muted">Not decided</span>}</dd>
            <dt>Plan</dt>
            <dd className="pre-line">{risk.treatmentPlan ?? <span className="muted">None</span>}</dd>
          </dl>
        )}
      </section>

      {open && can('risk:write') && method ? (
        <section className="panel" aria-labelledby="risk-reassess-title">
          <h2 id="risk-reassess-title" className="panel__title">
            Reassess
          </h2>
          <details className="risk-disclosure" open={risk.status === 'review_due'}>
            <summary>New inherent scores{risk.status === 'review_due' ? ' (answers the due review)' : ''}</summary>
            <ReassessForm key={risk.updatedAt} risk={risk} method={method} onDone={done} />
          </details>
          <details className="risk-disclosure">
            <summary>Close this risk</summary>
            <CloseRiskForm risk={risk} onDone={done} />
          </details>
        </section>
      ) : null}

      <RiskTrailPanel risk={risk} />
    </>
  );
}
