import type { DeadLetterOutput } from '../../../../src/contracts/operations.contracts.js';
import type { Column } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { StatusBadge } from '../../components/status-badge.js';
import { shortId } from '../../lib/format.js';

interface RetryAction {
  /** The job whose retry is on its way, if any. */
  busyJobId: string | null;
  onRetry: (job: DeadLetterOutput) => void;
}

/** The columns of the failed-jobs table; the Retry column only for those who may retry. */
export function failedJobColumns(retry: RetryAction | null): Column<DeadLetterOutput>[] {
  const columns: Column<DeadLetterOutput>[] = [
    {
      id: 'name',
      header: 'Job',
      sortValue: (j) => j.name,
      filterText: (j) => `${j.name} ${j.jobId}`,
      cell: (j) => (
        <>
          <code>{j.name}</code>
          <br />
          <span className="muted nowrap" title={j.jobId}>
            id {shortId(j.jobId)}
          </span>
        </>
      ),
    },
    { id: 'attempts', header: 'Attempts', align: 'end', sortValue: (j) => j.attempts, filterText: () => '', cell: (j) => j.attempts },
    { id: 'lastError', header: 'Last error', breakable: true, sortValue: (j) => j.lastError, cell: (j) => <span className="failed-job__error">{j.lastError}</span> },
    { id: 'failedAt', header: 'Failed at', sortValue: (j) => j.failedAt, filterText: () => '', cell: (j) => <DateTime iso={j.failedAt} /> },
    {
      id: 'status',
      header: 'Status',
      sortValue: (j) => (j.retriedAt ? 'retried' : 'failed'),
      filterText: (j) => (j.retriedAt ? `retried ${j.retriedAsJobId ?? ''}` : 'failed'),
      cell: (j) =>
        j.retriedAt ? (
          <>
            <StatusBadge tone="info">Retried</StatusBadge>
            <br />
            <span className="muted">
              <span className="nowrap" title={j.retriedAsJobId ?? undefined}>as job {shortId(j.retriedAsJobId ?? '')}</span>, <DateTime iso={j.retriedAt} />
            </span>
          </>
        ) : (
          <StatusBadge tone="danger">Failed</StatusBadge>
        ),
    },
  ];
  if (!retry) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      actions: true,
      filterText: () => '',
      cell: (j) =>
        j.retriedAt ? null : (
          <button type="button" className="button button--secondary button--small" onClick={() => retry.onRetry(j)} disabled={retry.busyJobId !== null}>
            {retry.busyJobId === j.jobId ? 'Retrying…' : 'Retry'}
            <span className="visually-hidden"> {j.name} ({shortId(j.jobId)})</span>
          </button>
        ),
    },
  ];
}
