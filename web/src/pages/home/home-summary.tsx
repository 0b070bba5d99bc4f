import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../../src/contracts/common.contracts.js';
import type { EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import type { UserOutput } from '../../../../src/contracts/identity.contracts.js';
import type { TrailVerificationOutput } from '../../../../src/contracts/trail.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { StatCard } from '../../components/stat-card.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../lib/format.js';
import { roleLabel } from '../../lib/roles.js';
import { useSession } from '../../session/session-context.js';

interface HomeSummaryProps {
  verification: UseQueryResult<TrailVerificationOutput>;
  evidence: UseQueryResult<Page<EvidenceOutput>>;
  users: UseQueryResult<Page<UserOutput>>;
}

function count<T>(page: UseQueryResult<Page<T>>): string {
  if (page.isPending) return '…';
  if (page.isError) return '—';
  return `${page.data.items.length}${page.data.nextCursor ? '+' : ''}`;
}

/** The four headline cards: trail integrity, evidence, people and the caller's own access. */
export function HomeSummary({ verification, evidence, users }: HomeSummaryProps) {
  const { me, can } = useSession();
  const roles = users.data ? new Set(users.data.items.map((u) => u.role)).size : 0;
  return (
    <div className="stat-grid">
      {can('trail:read') ? (
        <StatCard
          label="Trail integrity"
          value={<TrailStatus verification={verification} />}
          detail={verification.data ? `${verification.data.eventsChecked} events checked just now` : verification.isError ? errorMessage(verification.error) : 'Checking the hash chain…'}
          to="/trail"
          linkLabel="Open the trail"
        />
      ) : null}
      {can('evidence:read') ? (
        <StatCard label="Evidence" value={count(evidence)} detail="Files stored with their SHA-256" to="/evidence" linkLabel="View evidence" />
      ) : null}
      {can('user:read') ? (
        <StatCard label="People" value={count(users)} detail={users.data ? `${roles} ${roles === 1 ? 'role' : 'roles'} in use` : 'Members of the organization'} to="/people" linkLabel="View people" />
      ) : null}
      <StatCard
        label="Your access"
        value={roleLabel(me.role)}
        detail={
          <>
            {me.user.email ?? me.user.displayName} · {me.permissions.length} permissions
            <br />
            Organization since {formatDateTime(me.organization.createdAt)}
          </>
        }
      />
    </div>
  );
}

function TrailStatus({ verification }: { verification: UseQueryResult<TrailVerificationOutput> }) {
  if (verification.isPending) return <StatusBadge tone="neutral">Checking…</StatusBadge>;
  if (verification.isError) return <StatusBadge tone="warn">Unknown</StatusBadge>;
  const { ok, firstBreak, state } = verification.data;
  if (ok) return <StatusBadge tone="ok">Verified</StatusBadge>;
  return firstBreak ? (
    <StatusBadge tone="danger" title={firstBreak.message}>
      Broken at #{firstBreak.seq}
    </StatusBadge>
  ) : (
    <StatusBadge tone="danger" title={state.firstMismatch?.message}>
      Records differ
    </StatusBadge>
  );
}
