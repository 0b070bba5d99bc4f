import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { ISO_42001_CATALOG, REFERENCE_STALE_TIME, getCatalog } from '../../api/catalog.api.js';
import { listUsers } from '../../api/identity.api.js';
import { getSoaControl } from '../../api/soa.api.js';
import { DateTime } from '../../components/date-time.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { ControlDecisionForm } from './control-decision-form.js';
import { ControlEvidencePanel } from './control-evidence-panel.js';
import { ControlLinkedRisks } from './control-linked-risks.js';
import { ControlMappingsPanel } from './control-mappings-panel.js';
import { ControlResponsibilityPanel } from './control-responsibility-panel.js';
import { ControlStatusBadge, StatusReasons } from './control-status.js';
import { APPLICABILITY_LABEL } from './soa-labels.js';
import './soa.css';

/** One Annex A control in the working SoA: what it asks, our decision, its derived status, its evidence and mappings. */
export function ControlDetailPage({ controlId }: { controlId: string }) {
  const { me } = useSession();
  const control = useQuery({ queryKey: ['soa', 'control', controlId], queryFn: () => getSoaControl(controlId) });
  const catalog = useQuery({ queryKey: ['catalogs', 'detail', ISO_42001_CATALOG], queryFn: () => getCatalog(ISO_42001_CATALOG), staleTime: REFERENCE_STALE_TIME });
  const item = catalog.data?.items.find((i) => i.id === controlId);
  const title = control.data ? `${control.data.controlId} ${control.data.title}` : controlId;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/soa">
          <span aria-hidden="true">← </span>Statement of Applicability
        </Link>
      </p>
      <PageHeader
        title={title}
        organization={me.organization.name}
        description={
          control.data ? (
            <>
              {item?.description ?? null} <span>
                Objective <span className="nowrap">{control.data.objectiveId}</span>: {control.data.objectiveTitle}.
              </span>
            </>
          ) : undefined
        }
      />
      {control.isPending ? <p role="status">Loading…</p> : null}
      {control.isError ? (
        <Notice tone="danger" title={control.error instanceof ApiError && control.error.status === 404 ? 'No such control' : 'Could not load this control'}>
          {errorMessage(control.error)} <Link to="/soa">Back to the SoA</Link>
        </Notice>
      ) : null}
      {control.data ? <ControlBody control={control.data} /> : null}
    </>
  );
}

function ControlBody({ control }: { control: SoaControlOutput }) {
  const { can } = useSession();
  const [saved, setSaved] = useState(false);
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers(), enabled: can('soa:write') });
  return (
    <>
      <section className="panel" aria-labelledby="control-status-title">
        <h2 id="control-status-title" className="panel__title">
          Status in the working draft
        </h2>
        <div className="control-summary">
          <ControlStatusBadge status={control.status} reasons={[]} />
          <StatusReasons reasons={control.statusReasons} />
        </div>
        <dl className="details">
          <dt>Applicability</dt>
          <dd>{APPLICABILITY_LABEL[control.applicability]}</dd>
          <dt>Owner</dt>
          <dd>{control.ownerName ?? <span className="muted">No owner</span>}</dd>
          <dt>Last decided</dt>
          <dd>
            {control.updatedAt ? (
              <>
                <DateTime iso={control.updatedAt} /> by {control.updatedBy}
              </>
            ) : (
              <span className="muted">Never</span>
            )}
          </dd>
          {control.riskIds.length > 0 ? (
            <>
              <dt>Linked risks</dt>
              <dd>
                <ControlLinkedRisks controlId={control.controlId} riskIds={control.riskIds} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="panel" aria-labelledby="control-decision-title">
        <h2 id="control-decision-title" className="panel__title">
          Decision
        </h2>
        {can('soa:write') ? (
          <>
            {saved ? (
              <Notice tone="ok">
                Decision saved in the draft. <Link to="/soa">Back to the SoA</Link>
              </Notice>
            ) : null}
            <ControlDecisionForm key={control.updatedAt ?? 'new'} control={control} users={users.data?.items ?? []} onSaved={() => setSaved(true)} />
          </>
        ) : (
          <dl className="details">
            <dt>Justification</dt>
            <dd>{control.justification ?? <span className="muted">None</span>}</dd>
            <dt>Implementation plan</dt>
            <dd>{control.implementationPlan ?? <span className="muted">None</span>}</dd>
          </dl>
        )}
      </section>
      <ControlEvidencePanel control={control} />
      <ControlResponsibilityPanel control={control} />
      <ControlMappingsPanel controlId={control.controlId} />
    </>
  );
}
