import { useQuery } from '@tanstack/react-query';
import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getQuestionnaire, listClassifications } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { ClassificationResultView, ScreeningDisclaimer, answerLabels } from './classification-result.js';
import { tierLabel, tierTone } from './inventory-labels.js';

/** The latest EU AI Act screening with its obligations, the answers behind it, and every earlier version. */
export function SystemClassificationTab({ system }: { system: SystemDetailOutput }) {
  const { can } = useSession();
  const history = useQuery({ queryKey: INVENTORY_KEYS.classifications(system.id), queryFn: () => listClassifications(system.id) });
  const questionnaire = useQuery({ queryKey: INVENTORY_KEYS.questionnaire, queryFn: getQuestionnaire, staleTime: Infinity });
  const latest = history.data?.items[0];
  const wizard = `/systems/${encodeURIComponent(system.id)}/classify`;

  return (
    <>
      {history.data ? <ScreeningDisclaimer text={history.data.disclaimer} /> : null}
      {history.isError ? <Notice tone="danger" title="Could not load the screening">{errorMessage(history.error)}</Notice> : null}
      {history.isPending ? <p role="status">Loading…</p> : null}
      <section className="panel" aria-labelledby="system-classification-title">
        <div className="inventory-panel-head">
          <h2 id="system-classification-title" className="panel__title">
            {latest ? `EU AI Act screening, version ${latest.version}` : 'EU AI Act screening'}
          </h2>
          {can('system:write') ? (
            <Link to={wizard} className="button">
              {latest ? 'Screen again' : 'Screen this system'}
            </Link>
          ) : null}
        </div>
        {history.data && !latest ? <EmptyState title="Not screened yet" body="The questionnaire walks the EU AI Act's decision tree one question at a time, citing each article." /> : null}
        {latest ? (
          <>
            <p className="muted">
              Answered by {latest.answeredBy}, <DateTime iso={latest.answeredAt} />.
            </p>
            <ClassificationResultView result={latest.result} answers={latest.answers} questionnaire={questionnaire.data} />
            <details className="inventory-answers">
              <summary>The answers behind version {latest.version}</summary>
              <dl className="details inventory-details">
                {Object.entries(latest.answers).map(([questionId, answer]) => (
                  <div key={questionId} className="inventory-details__pair">
                    <dt>{questionnaire.data?.questions.find((q) => q.id === questionId)?.text ?? questionId}</dt>
                    <dd>{answerLabels(questionnaire.data, questionId, answer).join('; ')}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </>
        ) : null}
      </section>
      {history.data && history.data.items.length > 0 ? (
        <section className="panel" aria-labelledby="system-classification-history-title">
          <h2 id="system-classification-history-title" className="panel__title">
            Versions
          </h2>
          <DataTable
            caption="Screening versions"
            columns={[
              { id: 'version', header: 'Version', align: 'end', sortValue: (r) => r.version, cell: (r) => r.version },
              { id: 'tier', header: 'Tier', cell: (r) => <StatusBadge tone={tierTone(r.result.tier)}>{tierLabel(r.result.tier)}</StatusBadge> },
              { id: 'points', header: 'Annex III', cell: (r) => (r.result.annexIIIPoints.length > 0 ? r.result.annexIIIPoints.join(', ') : <span className="muted">None</span>) },
              { id: 'by', header: 'Answered by', cell: (r) => r.answeredBy },
              { id: 'at', header: 'When', sortValue: (r) => r.answeredAt, cell: (r) => <DateTime iso={r.answeredAt} /> },
              { id: 'rules', header: 'Rules', cell: (r) => r.rulesVersion },
            ]}
            rows={history.data.items}
            rowKey={(r) => r.id}
          />
        </section>
      ) : null}
    </>
  );
}
