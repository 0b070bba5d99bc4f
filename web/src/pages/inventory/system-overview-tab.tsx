import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { listUsers } from '../../api/identity.api.js';
import { INVENTORY_KEYS, listModels } from '../../api/inventory.api.js';
import { DateTime } from '../../components/date-time.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { AUTONOMY_LABEL, IMPACT_LABEL, OVERSIGHT_LABEL, ROLE_LABEL, modelPath } from './inventory-labels.js';
import { EditableRecord } from './editable-record.js';
import { SystemForm } from './system-form.js';
import { SystemRankingPanel } from './system-ranking-panel.js';
import { SystemStagePanel } from './system-stage-panel.js';

const none = <span className="muted">Not stated</span>;
const list = (items: readonly string[]): ReactNode => (items.length > 0 ? items.join(', ') : none);
const text = (value: string | null): ReactNode => value ?? none;
const count = (value: number | null): ReactNode => (value === null ? <span className="muted">Not estimated</span> : value.toLocaleString('en-GB'));

/** Everything the inventory records about the system, its lifecycle stage and its wave ranking. */
export function SystemOverviewTab({ system }: { system: SystemDetailOutput }) {
  const { can } = useSession();
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers(), enabled: can('user:read') });
  const models = useQuery({ queryKey: INVENTORY_KEYS.models, queryFn: listModels });
  const owner = users.data?.items.find((u) => u.id === system.ownerUserId);
  const modelName = (id: string) => models.data?.find((m) => m.id === id)?.name ?? id;

  return (
    <>
      <EditableRecord headingId="system-record-title" title="The record" canEdit={can('system:write')} form={(done) => <SystemForm system={system} {...done} />}>
        <dl className="details inventory-details">
          <dt>Purpose</dt>
          <dd>{system.purpose}</dd>
          <dt>Intended use</dt>
          <dd>{text(system.intendedUse)}</dd>
          <dt>Foreseeable misuse</dt>
          <dd>{text(system.foreseeableMisuse)}</dd>
          <dt>Business objectives</dt>
          <dd>{text(system.businessObjectives)}</dd>
          <dt>Success metrics</dt>
          <dd>{list(system.successMetrics)}</dd>
          <dt>Owner</dt>
          <dd>{owner ? `${owner.displayName} (${owner.email})` : system.ownerUserId}</dd>
          <dt>Business unit</dt>
          <dd>{text(system.businessUnit)}</dd>
          <dt>Regions</dt>
          <dd>{list(system.regions)}</dd>
          <dt>Our roles</dt>
          <dd>{system.organizationRoles.map((r) => ROLE_LABEL[r]).join(', ')}</dd>
          <dt>Affected stakeholders</dt>
          <dd>{list(system.affectedStakeholders)}</dd>
          <dt>Decisions and outputs</dt>
          <dd>{text(system.decisionsAndOutputs)}</dd>
          <dt>Autonomy</dt>
          <dd>{AUTONOMY_LABEL[system.autonomyLevel]}</dd>
          <dt>Human oversight</dt>
          <dd>{OVERSIGHT_LABEL[system.humanOversight]}</dd>
          <dt>Regulatory exposure</dt>
          <dd>{list(system.regulatoryExposure)}</dd>
          <dt>In the AIMS scope</dt>
          <dd>{system.inAimsScope ? 'Yes' : 'No'}</dd>
          <dt>Impact on people</dt>
          <dd>{system.impactOnPeople ? IMPACT_LABEL[system.impactOnPeople] : <span className="muted">Not assessed</span>}</dd>
          <dt>Safety impact</dt>
          <dd>{system.safetyImpact ? IMPACT_LABEL[system.safetyImpact] : <span className="muted">Not assessed</span>}</dd>
          <dt>People affected a year</dt>
          <dd>{count(system.peopleAffected)}</dd>
          <dt>Decisions a month</dt>
          <dd>{count(system.decisionsPerMonth)}</dd>
          <dt>Models</dt>
          <dd>
            {system.modelIds.length === 0 ? (
              none
            ) : (
              <ul className="inventory-plain-list">
                {system.modelIds.map((id) => (
                  <li key={id}>
                    <Link to={modelPath(id)}>{modelName(id)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Registered</dt>
          <dd>
            <DateTime iso={system.createdAt} /> by {system.createdBy}
          </dd>
          <dt>Last changed</dt>
          <dd>
            <DateTime iso={system.updatedAt} />
          </dd>
        </dl>
      </EditableRecord>
      <SystemStagePanel system={system} />
      <SystemRankingPanel system={system} />
      {can('risk:read') ? (
        <section className="panel" aria-labelledby="system-related-title">
          <h2 id="system-related-title" className="panel__title">
            Assessments and risks
          </h2>
          <ul className="inventory-plain-list">
            <li>
              <Link to={`/impact-assessments?system=${encodeURIComponent(system.id)}`}>Impact assessments of {system.name}</Link>
            </li>
            <li>
              <Link to={`/risks?system=${encodeURIComponent(system.id)}`}>Risks of {system.name}</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
