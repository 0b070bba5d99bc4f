import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { DeadLetterOutput } from '../../../../src/contracts/operations.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { listFailedJobs, retryFailedJob } from '../../api/jobs.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { shortId } from '../../lib/format.js';
import { useSession } from '../../session/session-context.js';
import { failedJobColumns } from './failed-job-columns.js';
import './jobs.css';

const TITLE = 'Background jobs';

/**
 * The organization's dead letters: background jobs that used up their retries (ISO/IEC 42001 9.1:
 * monitoring that did not run must be seen). An admin may send each one again, once; the server
 * refuses a second retry and the page shows its reason.
 */
export function JobsPage() {
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const allowed = can('jobs:read');

  const jobs = useInfiniteQuery({
    queryKey: ['jobs', 'failed'],
    queryFn: ({ pageParam }) => listFailedJobs(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: allowed,
  });
  const retry = useMutation({
    mutationFn: (job: DeadLetterOutput) => retryFailedJob(job.jobId),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
    },
  });

  // The Retry button goes away with the answer, so focus moves to the notice that says what happened.
  const settled = retry.isSuccess || retry.isError;
  useEffect(() => {
    if (settled) outcomeRef.current?.focus();
  }, [settled, retry.submittedAt]);

  const rows = useMemo(() => jobs.data?.pages.flatMap((p) => p.items) ?? [], [jobs.data]);
  const columns = failedJobColumns(can('jobs:manage') ? { busyJobId: retry.isPending ? (retry.variables?.jobId ?? null) : null, onRetry: (job) => retry.mutate(job) } : null);

  if (!allowed) {
    return (
      <>
        <PageHeader title={TITLE} organization={me.organization.name} />
        <Notice tone="warn" title="Admins only">Only an admin can see the organization’s failed background jobs.</Notice>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={TITLE}
        organization={me.organization.name}
        description="Jobs that failed on every attempt, such as a scheduled trail check. They are not tried again by themselves: fix the cause, then retry each one once."
      />
      <div ref={outcomeRef} tabIndex={-1}>
        {retry.isSuccess ? (
          <Notice tone="ok" title={`“${retry.data.name}” was sent again`}>
            It runs as job {shortId(retry.data.retriedAsJobId ?? '')}. If that fails on every attempt too, it appears here as a new failed job.
          </Notice>
        ) : null}
        {retry.isError ? <Notice tone="danger" title={`Could not retry “${retry.variables.name}”`}>{refusal(retry.error)}</Notice> : null}
      </div>
      <section className="panel" aria-labelledby="failed-jobs-title">
        <h2 id="failed-jobs-title" className="panel__title">
          Failed jobs
        </h2>
        <DataTable
          caption="Failed background jobs"
          columns={columns}
          rows={rows}
          rowKey={(j) => j.jobId}
          filterLabel="Filter failed jobs"
          loading={jobs.isPending}
          error={jobs.error}
          hasMore={jobs.hasNextPage}
          onLoadMore={() => void jobs.fetchNextPage()}
          loadingMore={jobs.isFetchingNextPage}
          empty={<EmptyState title="No failed jobs" body="Every background job finished or is still being retried." />}
        />
      </section>
    </>
  );
}

/** The server's reason for refusing a retry, said of the job ("This job was already retried as job …"). */
function refusal(error: unknown): string {
  const reason = error instanceof ApiError ? error.fields.find((f) => f.field === 'jobId')?.reason : undefined;
  return reason ? errorMessage(new Error(`this job ${reason}`)) : errorMessage(error);
}
