import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getSystem, systemMlbomUrl } from '../../api/inventory.api.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { STAGE_LABEL, systemPath, waveLabel } from './inventory-labels.js';
import { SystemClassificationTab } from './system-classification-tab.js';
import { SystemDatasetsTab } from './system-datasets-tab.js';
import { SystemModelCardTab } from './system-model-card-tab.js';
import { SystemModelsTab } from './system-models-tab.js';
import { SystemOverviewTab } from './system-overview-tab.js';
import { SystemSuppliersTab } from './system-suppliers-tab.js';
import { Tabs } from './tabs.js';
import { TierBadge } from './tier-badge.js';
import './inventory.css';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'models', label: 'Models' },
  { id: 'datasets', label: 'Datasets' },
  { id: 'suppliers', label: 'Suppliers' },
  { id: 'classification', label: 'Classification' },
  { id: 'card', label: 'Model card' },
] as const;

/** One AI system: its record, what it is built from, its EU AI Act screening and its model card, in tabs kept in the URL. */
export function SystemDetailPage({ id }: { id: string }) {
  const { me, can } = useSession();
  const { search } = useLocation();
  const tab = TABS.find((t) => t.id === search.get('tab'))?.id ?? 'overview';
  const system = useQuery({ queryKey: INVENTORY_KEYS.system(id), queryFn: () => getSystem(id) });
  const s = system.data;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/systems">
          <span aria-hidden="true">← </span>AI systems
        </Link>
      </p>
      <PageHeader
        title={s?.name ?? 'AI system'}
        organization={me.organization.name}
        description={s?.purpose}
        actions={
          s ? (
            <div className="inventory-actions">
              {can('system:write') ? (
                <Link to={`/systems/${encodeURIComponent(s.id)}/classify`} className="button">
                  Classify (EU AI Act)
                </Link>
              ) : null}
              <a className="button button--secondary" href={systemMlbomUrl(s.id)} download={`${s.name.replace(/[^\w.-]+/g, '-')}.cdx.json`}>
                Export ML-BOM
              </a>
            </div>
          ) : undefined
        }
      />
      {system.isPending ? <p role="status">Loading…</p> : null}
      {system.isError ? (
        <Notice tone="danger" title={system.error instanceof ApiError && system.error.status === 404 ? 'No such AI system' : 'Could not load this system'}>
          {errorMessage(system.error)} <Link to="/systems">Back to the inventory</Link>
        </Notice>
      ) : null}
      {s ? (
        <>
          <section aria-label="At a glance">
            <dl className="inventory-facts">
              <div>
                <dt>Stage</dt>
                <dd>{STAGE_LABEL[s.lifecycleStage]}</dd>
              </div>
              <div>
                <dt>EU AI Act</dt>
                <dd>
                  <TierBadge classification={s.classification} />
                </dd>
              </div>
              <div>
                <dt>Score</dt>
                <dd>{s.ranking.score.toFixed(1)}</dd>
              </div>
              <div>
                <dt>Wave</dt>
                <dd>
                  {waveLabel(s.ranking.wave)}
                  {s.waveOverride?.wave != null ? <span className="muted"> (overridden)</span> : null}
                </dd>
              </div>
              <div>
                <dt>In AIMS scope</dt>
                <dd>{s.inAimsScope ? 'Yes' : 'No'}</dd>
              </div>
            </dl>
          </section>
          <Tabs label="System sections" tabs={TABS} selected={tab} onSelect={(next) => navigate(systemPath(s.id, next === 'overview' ? undefined : next), { replace: true })}>
            {tab === 'overview' ? <SystemOverviewTab system={s} /> : null}
            {tab === 'models' ? <SystemModelsTab system={s} /> : null}
            {tab === 'datasets' ? <SystemDatasetsTab system={s} /> : null}
            {tab === 'suppliers' ? <SystemSuppliersTab system={s} /> : null}
            {tab === 'classification' ? <SystemClassificationTab system={s} /> : null}
            {tab === 'card' ? <SystemModelCardTab system={s} /> : null}
          </Tabs>
        </>
      ) : null}
    </>
  );
}
