import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { listUsers } from '../../api/identity.api.js';
import { INVENTORY_KEYS, getWaves, inventoryMlbomUrl, listAllSystems } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { InventorySectionNav } from './inventory-section-nav.js';
import { NOT_SCREENED, hasFilter, inventoryViewPath, readInventoryView, type InventoryView } from './inventory-url.js';
import { MlbomImportPanel } from './mlbom-import-panel.js';
import { systemColumns } from './system-columns.js';
import { SystemFilters } from './system-filters.js';
import { SystemForm } from './system-form.js';
import { SystemImportPanel } from './system-import-panel.js';
import { systemPath } from './inventory-labels.js';
import { WaveSettingsPanel } from './wave-settings-panel.js';
import './inventory.css';

type Panel = 'register' | 'csv' | 'mlbom' | 'waves' | null;

/**
 * Tier and owner are not server filters of GET /systems, so they narrow the server's list here by
 * equality on the values the server returned (the latest screening's tier, the owner's id).
 */
function matchesView(system: SystemDetailOutput, view: InventoryView): boolean {
  if (view.ownerUserId && system.ownerUserId !== view.ownerUserId) return false;
  if (view.tier === NOT_SCREENED) return system.classification === null;
  if (view.tier) return system.classification?.tier === view.tier;
  return true;
}

/** The AI system inventory (ISO/IEC 42001 A.4, A.6.2), in the server's wave-ranking order. */
export function SystemsPage() {
  const { me, can } = useSession();
  const { search } = useLocation();
  const searchKey = search.toString();
  const view = useMemo(() => readInventoryView(new URLSearchParams(searchKey)), [searchKey]);
  const [panel, setPanel] = useState<Panel>(null);
  const serverQuery = { stage: view.stage, wave: view.wave };

  const systems = useQuery({ queryKey: INVENTORY_KEYS.systems(serverQuery), queryFn: () => listAllSystems(serverQuery) });
  const waves = useQuery({ queryKey: INVENTORY_KEYS.waves, queryFn: getWaves });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers(), enabled: can('user:read') });

  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const columns = useMemo(() => systemColumns((userId) => names.get(userId) ?? 'Former member'), [names]);
  const rows = useMemo(() => (systems.data ?? []).filter((s) => matchesView(s, view)), [systems.data, view]);
  const owners = useMemo(() => [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)), [names]);
  const waveNumbers = useMemo(() => [...new Set((waves.data?.ranked ?? []).map((r) => r.wave))], [waves.data]);
  const toggle = (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which));
  const opener = (which: Exclude<Panel, null>, label: string, primary = false) => (
    <button type="button" className={primary ? 'button' : 'button button--secondary'} aria-expanded={panel === which} aria-controls={`inventory-${which}`} onClick={() => toggle(which)}>
      {label}
    </button>
  );

  return (
    <>
      <PageHeader
        title="AI systems"
        organization={me.organization.name}
        description="Every AI system you develop, provide or use, who owns it, what it decides, its EU AI Act screening, and the certification wave it is ranked into. Scores and waves are computed by the server with the documented method."
        actions={
          <div className="inventory-actions">
            {can('system:write') ? opener('register', 'Register system', true) : null}
            {can('system:write') ? opener('csv', 'Import CSV') : null}
            {can('system:write') ? opener('mlbom', 'Import ML-BOM') : null}
            <a className="button button--secondary" href={inventoryMlbomUrl()} download="openaims-inventory.cdx.json">
              Export ML-BOM
            </a>
          </div>
        }
      />
      <InventorySectionNav />
      {panel === 'register' ? (
        <section id="inventory-register" className="panel panel--action" aria-labelledby="inventory-register-title">
          <h2 id="inventory-register-title" className="panel__title">
            Register an AI system
          </h2>
          <SystemForm onSaved={(saved) => navigate(systemPath(saved.id))} onCancel={() => setPanel(null)} />
        </section>
      ) : null}
      {panel === 'csv' ? <SystemImportPanel onClose={() => setPanel(null)} /> : null}
      {panel === 'mlbom' ? <MlbomImportPanel onClose={() => setPanel(null)} /> : null}

      {waves.data ? (
        <section className="panel inventory-waves" aria-labelledby="inventory-waves-title">
          <div className="inventory-waves__head">
            <h2 id="inventory-waves-title" className="panel__title">
              Wave 1 proposal: {waves.data.wave1.length} {waves.data.wave1.length === 1 ? 'system' : 'systems'}
            </h2>
            {opener('waves', can('system:rank') ? 'Wave settings' : 'How waves are ranked')}
          </div>
          <p className="muted">
            Systems in scope scoring at least {waves.data.settings.wave1Threshold}, highest first, at most {waves.data.settings.wave1MaxSize} (settings version {waves.data.settings.version}
            {waves.data.settings.version === 0 ? ', the defaults' : ''}).
          </p>
          {waves.data.wave1.length > 0 ? (
            <ol className="inventory-waves__list">
              {waves.data.wave1.map((w) => (
                <li key={w.systemId}>
                  <Link to={systemPath(w.systemId)}>{w.name}</Link> <span className="muted">score {w.score.toFixed(1)}</span>
                  {w.overridden ? <span className="muted"> (overridden)</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {panel === 'waves' ? <WaveSettingsPanel settings={waves.data.settings} onClose={() => setPanel(null)} /> : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="inventory-systems-title">
        <h2 id="inventory-systems-title" className="panel__title">
          Inventory, highest score first
        </h2>
        <SystemFilters view={view} owners={owners} waves={waveNumbers} onChange={(next) => navigate(inventoryViewPath(next), { replace: true })} />
        {systems.isError ? (
          <Notice tone="danger" title="Could not load the inventory">
            {errorMessage(systems.error)}
          </Notice>
        ) : (
          <DataTable
            caption="AI systems"
            columns={columns}
            rows={rows}
            rowKey={(s) => s.id}
            filterLabel="Search systems"
            loading={systems.isPending}
            empty={
              hasFilter(view) ? (
                <EmptyState title="No systems match these filters" body="Clear a filter to see more systems." />
              ) : (
                <EmptyState title="No AI systems yet" body="Register the first one, or import a CSV file or a CycloneDX ML-BOM." />
              )
            }
          />
        )}
      </section>
    </>
  );
}
