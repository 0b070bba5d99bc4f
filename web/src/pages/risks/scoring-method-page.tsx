import { useQuery } from '@tanstack/react-query';
import { Breakable } from '../../components/breakable.js';
import { useState } from 'react';
import type { ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { RISK_KEYS, getScoringMethod, listScoringMethodVersions, scoringMethodDocumentUrl } from '../../api/risk.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { useSession } from '../../session/session-context.js';
import { LEVEL_LABEL } from './risk-labels.js';
import { RiskSectionNav } from './risk-section-nav.js';
import { DIMENSION_LABEL } from './score-fields.js';
import { ScoringMethodForm } from './scoring-method-form.js';
import './risks.css';

const SCALES = ['likelihood', 'severity', 'stakeholderImpact'] as const;

/** The documented scoring method (ISO/IEC 42001 6.1.2 c–d): scales, levels, appetite, review intervals, and its versions. */
export function ScoringMethodPage() {
  const { me, can } = useSession();
  const current = useQuery({ queryKey: RISK_KEYS.method, queryFn: getScoringMethod });
  const versions = useQuery({ queryKey: RISK_KEYS.methodVersions, queryFn: listScoringMethodVersions });
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState<{ version: number; rescored: number } | null>(null);
  return (
    <>
      <PageHeader
        title="Risk scoring method"
        organization={me.organization.name}
        description="How the server scores every AI risk: score = likelihood × the worse of severity and stakeholder impact, mapped to a level. The appetite says which residual levels need an approver’s acceptance."
        actions={
          <a className="button button--secondary" href={scoringMethodDocumentUrl()} target="_blank" rel="noopener">
            Methodology document<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        }
      />
      <RiskSectionNav />
      {changed ? (
        <Notice tone="ok" title={`Version ${changed.version} is in force`}>
          {changed.rescored} open {changed.rescored === 1 ? 'risk was' : 'risks were'} re-scored with it, and every system’s risks are now due for review.
        </Notice>
      ) : null}
      {current.isPending ? <p role="status">Loading…</p> : null}
      {current.isError ? <Notice tone="danger" title="Could not load the scoring method">{errorMessage(current.error)}</Notice> : null}
      {current.data ? <MethodInForce current={current.data} /> : null}
      {current.data && can('risk:configure') ? (
        <section className="panel" aria-labelledby="method-edit-title">
          <h2 id="method-edit-title" className="panel__title">
            Change the method
          </h2>
          {editing ? (
            <ScoringMethodForm
              key={current.data.version}
              current={current.data}
              onChanged={(version, rescored) => {
                setEditing(false);
                setChanged({ version, rescored });
              }}
            />
          ) : (
            <>
              <p className="muted">A change is saved as version {current.data.version + 1}. Every open risk is re-scored with it and flagged for review, each with its own trail event.</p>
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                Edit the method
              </button>
            </>
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="method-versions-title">
        <h2 id="method-versions-title" className="panel__title">
          Versions
        </h2>
        <DataTable
          caption="Scoring method versions"
          columns={[
            { id: 'version', header: 'Version', align: 'end', cell: (v) => v.version },
            { id: 'since', header: 'Since', cell: (v) => (v.createdAt ? <DateTime iso={v.createdAt} /> : <span className="muted">Default</span>) },
            { id: 'by', header: 'By', breakable: true, cell: (v) => (v.createdBy ? <Breakable text={v.createdBy} /> : <span className="muted">OpenAIMS</span>) },
            { id: 'reason', header: 'Reason', cell: (v) => v.reason },
          ]}
          rows={versions.data ?? []}
          rowKey={(v) => String(v.version)}
          loading={versions.isPending}
          error={versions.error}
        />
      </section>
    </>
  );
}

function MethodInForce({ current }: { current: ScoringMethodVersionOutput }) {
  const { method } = current;
  const low = Math.min(...SCALES.map((s) => method[s].min));
  const high = Math.max(...SCALES.map((s) => method[s].max));
  const points = Array.from({ length: high - low + 1 }, (_, i) => low + i);
  return (
    <section className="panel" aria-labelledby="method-current-title">
      <h2 id="method-current-title" className="panel__title">
        Version {current.version} in force
      </h2>
      <p className="muted">
        {current.createdAt ? (
          <>
            Since <DateTime iso={current.createdAt} /> by <Breakable text={current.createdBy ?? ''} />.{' '}
          </>
        ) : (
          'The OpenAIMS default, not changed yet. '
        )}
        Reason: {current.reason}
      </p>
      <div className="method-tables">
        <div className="data-table__scroll">
          <table className="table table--compact">
            <caption className="method-caption">Scales</caption>
            <thead>
              <tr>
                <th scope="col">Point</th>
                {SCALES.map((s) => (
                  <th key={s} scope="col">
                    {DIMENSION_LABEL[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point}>
                  <th scope="row">{point}</th>
                  {SCALES.map((s) => (
                    <td key={s}>{method[s].labels[point - method[s].min] ?? <span className="muted">—</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="data-table__scroll">
          <table className="table table--compact">
            <caption className="method-caption">Levels</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">From score</th>
                <th scope="col">Review every</th>
              </tr>
            </thead>
            <tbody>
              {method.levels.map((band) => (
                <tr key={band.level}>
                  <th scope="row">
                    <span className={`level level--${band.level}`}>{LEVEL_LABEL[band.level]}</span>
                  </th>
                  <td>{band.from}</td>
                  <td>{method.reviewIntervalDays[band.level]} days</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <dl className="details risk-details">
        <dt>Risk appetite</dt>
        <dd>
          {LEVEL_LABEL[method.appetite]}: residual risk above this level needs an approver’s signed acceptance.
        </dd>
        <dt>Impact assessments</dt>
        <dd>Reviewed every {method.assessmentReviewDays} days after approval.</dd>
      </dl>
    </section>
  );
}
