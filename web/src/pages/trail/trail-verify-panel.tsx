import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.js';
import { verifyTrail } from '../../api/trail.api.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../lib/format.js';

/** Asks the server to verify the chain and the records, and shows the first problem, if any. */
export function TrailVerifyPanel() {
  const result = useQuery({ queryKey: ['trail', 'verify'], queryFn: verifyTrail, enabled: false, staleTime: 0 });
  const checkedAt = result.dataUpdatedAt ? new Date(result.dataUpdatedAt).toISOString() : null;
  return (
    <section className="panel verify" aria-labelledby="verify-title">
      <div className="verify__head">
        <div>
          <h2 id="verify-title" className="panel__title">
            Chain verification
          </h2>
          <p className="muted">
            Each event carries the hash of the one before it. Verifying recomputes every hash, so any edit or deletion shows, then checks that the
            records still match what the trail last recorded about them.
          </p>
        </div>
        <button type="button" className="button" onClick={() => void result.refetch()} disabled={result.isFetching}>
          {result.isFetching ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      <div aria-live="polite" className="verify__result">
        {result.isError ? <p role="alert">Verification could not run: {errorMessage(result.error)}</p> : null}
        {result.data?.ok ? (
          <p>
            <StatusBadge tone="ok">Chain intact</StatusBadge> {result.data.eventsChecked} events checked, no break found; {result.data.state.recordsChecked}{' '}
            records match the trail{checkedAt ? ` (${formatDateTime(checkedAt)})` : ''}.
          </p>
        ) : null}
        {result.data?.firstBreak ? (
          <div>
            <p>
              <StatusBadge tone="danger">Chain broken</StatusBadge> at event #{result.data.firstBreak.seq} after {result.data.eventsChecked} events.
            </p>
            <p>
              {result.data.firstBreak.message} <span className="muted">({result.data.firstBreak.reason})</span>
            </p>
          </div>
        ) : null}
        {result.data && !result.data.firstBreak && result.data.state.firstMismatch ? (
          <div>
            <p>
              <StatusBadge tone="danger">Records differ</StatusBadge> The chain is intact ({result.data.eventsChecked} events), but a record does not match
              what the trail last recorded.
            </p>
            <p>{result.data.state.firstMismatch.message}</p>
          </div>
        ) : null}
        {!result.data && !result.isError && !result.isFetching ? <p className="muted">Not verified in this view yet.</p> : null}
      </div>
    </section>
  );
}
