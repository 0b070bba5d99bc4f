import { listOrganizationIds } from '../../storage/repositories/organization.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { appendTrailEvent } from './append-trail-event.js';
import { verificationProblem, verifyTrail } from './verify-trail.js';

export interface ScheduledVerificationSummary {
  organizations: number;
  failed: string[];
}

/** The actor the trail names for work the installation does on its own schedule. */
export function systemActor(organizationId: string, label = 'OpenAIMS (scheduled job)'): Actor {
  return { type: 'system', organizationId, userId: null, tokenId: null, role: 'admin', label };
}

/**
 * The nightly integrity check (ISO/IEC 42001 9.1 monitoring; 7.5.3 control of documented
 * information): verifies each organization's chain, records and evidence files, and records the
 * outcome in that organization's own trail as `trail.verified`, so an auditor sees the checks ran.
 * A broken trail is a finding, not a job failure: it is recorded and logged, and the job succeeds.
 */
export async function recordScheduledVerification(deps: AppDeps): Promise<ScheduledVerificationSummary> {
  const summary: ScheduledVerificationSummary = { organizations: 0, failed: [] };
  for (const organizationId of await listOrganizationIds(deps.db)) {
    const result = await verifyTrail(deps.db, { organizationIds: [organizationId], blobs: deps.blobs });
    const problem = verificationProblem(result);
    const after = {
      ok: result.ok,
      eventsChecked: result.eventsChecked,
      recordsChecked: result.state.recordsChecked,
      filesChecked: result.files?.checked ?? 0,
      problem,
    };
    await inTransaction(deps.db, (tx) => appendTrailEvent(tx, deps, systemActor(organizationId), { action: 'trail.verified', entityType: 'organization', entityId: organizationId, before: null, after }));
    summary.organizations += 1;
    if (!result.ok) {
      summary.failed.push(organizationId);
      deps.logger.error({ organizationId, problem }, 'scheduled trail verification found a problem');
    }
  }
  return summary;
}
