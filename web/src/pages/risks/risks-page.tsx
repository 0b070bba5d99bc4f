import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { RiskOutput } from '../../../../src/contracts/risk.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { ISO_42001_CATALOG, REFERENCE_STALE_TIME, getCatalog } from '../../api/catalog.api.js';
import { listUsers } from '../../api/identity.api.js';
import { RISK_KEYS, getScoringMethod, listRisks, listSystemChoices, riskExportUrl } from '../../api/risk.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { roleLabel } from '../../lib/roles.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { RegisterRiskForm } from './register-risk-form.js';
import { LEVEL_LABEL, riskPath } from './risk-labels.js';
import { riskColumns } from './risk-columns.js';
import { RiskFilters } from './risk-filters.js';
import { RiskImportPanel } from './risk-import-panel.js';
import { RiskSectionNav } from './risk-section-nav.js';
import { hasRiskFilter, readRiskFilter, riskFilterPath } from './risk-url.js';
import './risks.css';

type Panel = 'register' | 'import' | null;

/** The AI risk register (ISO/IEC 42001 6.1.2, 8.2): filters in the URL, exports, registering and importing. */
export function RisksPage() {
  const { me, can } = useSession();
  const { search } = useLocation();
  const searchKey = search.toString();
  const filter = useMemo(() => readRiskFilter(new URLSearchParams(searchKey)), [searchKey]);
  const [panel, setPanel] = useState<Panel>(null);
  const [registered, setRegistered] = useState<RiskOutput | null>(null);

  const risks = useQuery({ queryKey: RISK_KEYS.list(filter), queryFn: () => listRisks(filter) });
  const systems = useQuery({ queryKey: RISK_KEYS.systems, queryFn: listSystemChoices, enabled: can('system:read') });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers(), enabled: can('user:read') });
  const method = useQuery({ queryKey: RISK_KEYS.method, queryFn: getScoringMethod });
  const catalog = useQuery({ queryKey: ['catalogs', 'detail', ISO_42001_CATALOG], queryFn: () => getCatalog(ISO_42001_CATALOG), staleTime: REFERENCE_STALE_TIME });

  const owners = useMemo(
    () => (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${roleLabel(u.role)})` })).sort((a, b) => a.label.localeCompare(b.label)),
    [users.data],
  );
  const controls = useMemo(() => (catalog.data?.items ?? []).filter((i) => i.kind === 'control').map((i) => ({ value: i.id, label: `${i.id} ${i.title}` })), [catalog.data]);
  const systemOptions = useMemo(() => (systems.data ?? []).map((s) => ({ value: s.id, label: s.name })), [systems.data]);
  const columns = useMemo(() => riskColumns(), []);
  const flagged = (risks.data ?? []).filter((r) => r.flags.length > 0).length;

  const toggle = (which: Exclude<Panel, null>) => {
    setRegistered(null);
    setPanel((open) => (open === which ? null : which));
  };

  return (
    <>
      <PageHeader
        title="AI risk register"
        organization={me.organization.name}
        description="Every AI risk with its system, owner, inherent and residual scores, treatment and acceptance (ISO/IEC 42001 6.1.2, 6.1.3, 8.2). Scores, levels and statuses are computed by the server with the documented scoring method."
        actions={
          can('risk:write') ? (
            <>
              <button type="button" className="button button--secondary" aria-expanded={panel === 'import'} aria-controls="risk-import" onClick={() => toggle('import')}>
                Import CSV
              </button>
              <button type="button" className="button" aria-expanded={panel === 'register'} aria-controls="risk-register-form" onClick={() => toggle('register')}>
                Register risk
              </button>
            </>
          ) : undefined
        }
      />
      <RiskSectionNav />
      {registered ? (
        <Notice tone="ok" title={`“${registered.title}” registered`}>
          The server scored it {registered.inherent.score}, level {LEVEL_LABEL[registered.inherent.level]}, with scoring method version {registered.methodVersion}. <Link to={riskPath(registered.id)}>Open the risk to decide its treatment</Link>
        </Notice>
      ) : null}
      {panel === 'register' && method.data ? (
        <RegisterRiskForm
          method={method.data}
          systems={systems.data ?? []}
          owners={owners}
          onRegistered={(risk) => {
            setPanel(null);
            setRegistered(risk);
          }}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel === 'register' && method.isError ? <Notice tone="danger" title="Could not load the scoring method">{errorMessage(method.error)}</Notice> : null}
      {panel === 'import' ? <RiskImportPanel onClose={() => setPanel(null)} /> : null}
      <section className="panel" aria-labelledby="risk-list-title">
        <div className="risk-list-head">
          <h2 id="risk-list-title" className="panel__title">
            Risks
          </h2>
          <div className="risk-exports" role="group" aria-label="Export the register">
            <span className="risk-exports__label">Export:</span>
            <a className="button button--secondary button--small" href={riskExportUrl('csv')} download>
              CSV<span className="visually-hidden"> file of the whole register</span>
            </a>
            <a className="button button--secondary button--small" href={riskExportUrl('html')} target="_blank" rel="noopener">
              Printable document<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </div>
        </div>
        {flagged > 0 ? (
          <p className="risk-flag-summary">
            <span aria-hidden="true">⚑ </span>
            {flagged} {flagged === 1 ? 'risk is' : 'risks are'} flagged, for example a high risk without an Annex A control.
          </p>
        ) : null}
        <RiskFilters filter={filter} systems={systemOptions} owners={owners} controls={controls} onChange={(next) => navigate(riskFilterPath(next), { replace: true })} />
        <DataTable
          caption="AI risks"
          columns={columns}
          rows={risks.data ?? []}
          rowKey={(r) => r.id}
          filterLabel="Search risks"
          loading={risks.isPending}
          error={risks.error}
          empty={
            hasRiskFilter(filter) ? (
              <EmptyState title="No risks match these filters" body="Clear a filter to see more risks." />
            ) : (
              <EmptyState title="No risks registered yet" body="Register a risk once its AI system has an approved impact assessment." action={<Link to="/impact-assessments">Impact assessments</Link>} />
            )
          }
        />
      </section>
    </>
  );
}
