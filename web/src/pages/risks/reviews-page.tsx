import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RISK_KEYS, listReviews, listSystemChoices, type ReviewItem } from '../../api/risk.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { RiskSectionNav } from './risk-section-nav.js';
import { riskPath } from './risk-labels.js';
import { ReviewTriggerForm } from './review-trigger-form.js';
import './risks.css';

const KIND_LABEL: Record<ReviewItem['kind'], string> = { risk: 'Risk', impact_assessment: 'Impact assessment' };

function itemPath(item: ReviewItem): string {
  return item.kind === 'risk' ? riskPath(item.id) : `/impact-assessments/${encodeURIComponent(item.id)}`;
}

function reviewColumns(): Column<ReviewItem>[] {
  return [
    {
      id: 'item',
      header: 'Item',
      filterText: (i) => `${i.title} ${KIND_LABEL[i.kind]}`,
      cell: (i) => (
        <div className="risk-cell">
          <Link to={itemPath(i)} className="risk-cell__title">
            {i.title}
          </Link>
          <span className="muted">{KIND_LABEL[i.kind]}</span>
        </div>
      ),
    },
    { id: 'system', header: 'System', filterText: (i) => i.systemName, cell: (i) => i.systemName },
    {
      id: 'due',
      header: 'Due',
      filterText: (i) => (i.overdue ? 'overdue' : ''),
      cell: (i) => (
        <div className="reasoned-status">
          {i.overdue ? <StatusBadge tone="danger">Overdue</StatusBadge> : <StatusBadge tone="warn">Due</StatusBadge>}
          <span className="muted nowrap">{i.dueOn ? `scheduled ${formatDate(i.dueOn)}` : 'no date yet'}</span>
        </div>
      ),
    },
    {
      id: 'reasons',
      header: 'Why',
      filterText: (i) => i.reasons.join(' '),
      cell: (i) => (
        <ul className="reasons reasons--open">
          {i.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ),
    },
  ];
}

/** Risks and impact assessments due for review (scheduled, or triggered by new data, incidents, regulation or a new method), overdue first. */
export function ReviewsPage() {
  const { me, can } = useSession();
  const reviews = useQuery({ queryKey: RISK_KEYS.reviews, queryFn: listReviews });
  const systems = useQuery({ queryKey: RISK_KEYS.systems, queryFn: listSystemChoices, enabled: can('risk:configure') && can('system:read') });
  const [raised, setRaised] = useState<string | null>(null);
  const columns = useMemo(() => reviewColumns(), []);
  const overdue = (reviews.data ?? []).filter((i) => i.overdue).length;
  return (
    <>
      <PageHeader
        title="Review queue"
        organization={me.organization.name}
        description="What is due for review, overdue first: risks and impact assessments whose scheduled review date has passed, or that a new dataset version, a closed incident, a regulatory change, a monitoring alert or a new scoring method calls into question."
      />
      <RiskSectionNav />
      {raised ? (
        <Notice tone="ok" title="Regulatory change recorded">
          “{raised}”: the affected risks and impact assessments are now due for review.
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="panel__title">
          Due for review{reviews.data ? ` (${reviews.data.length}${overdue ? `, ${overdue} overdue` : ''})` : ''}
        </h2>
        <DataTable
          caption="Items due for review"
          columns={columns}
          rows={reviews.data ?? []}
          rowKey={(i) => `${i.kind}:${i.id}`}
          filterLabel="Search the queue"
          loading={reviews.isPending}
          error={reviews.error}
          empty={<EmptyState title="Nothing is due for review" body="Scheduled reviews appear here when their date comes, and triggered ones as soon as something changes." />}
        />
      </section>
      {can('risk:configure') ? (
        <section className="panel" aria-labelledby="trigger-title">
          <h2 id="trigger-title" className="panel__title">
            Record a regulatory change
          </h2>
          <ReviewTriggerForm systems={systems.data ?? []} onRaised={setRaised} />
        </section>
      ) : null}
    </>
  );
}
