import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SoaControlOutput, SoaVersionOutput } from '../../../../src/contracts/soa.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { listUsers } from '../../api/identity.api.js';
import { getSoa, getSoaVersion, listSoaVersions } from '../../api/soa.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { hashPrefix } from '../../lib/format.js';
import { navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { soaColumns } from './soa-columns.js';
import { SoaFilters } from './soa-filters.js';
import { SoaImportPanel } from './soa-import-panel.js';
import { SoaIssuePanel } from './soa-issue-panel.js';
import { SoaSummary } from './soa-summary.js';
import { hasFilter, readSoaView, soaViewPath, type SoaView } from './soa-url.js';
import { SoaVersionPanel } from './soa-version-panel.js';
import './soa.css';

type Panel = 'issue' | 'import' | null;

/** An issued version is served whole (GET /soa/versions/{n} takes no filters), so its rows are narrowed here by the same equality the server uses. */
function matchesView(control: SoaControlOutput, view: SoaView): boolean {
  return (
    (!view.status || control.status === view.status) &&
    (!view.applicability || control.applicability === view.applicability) &&
    (!view.ownerUserId || control.ownerUserId === view.ownerUserId) &&
    (!view.objectiveId || control.objectiveId === view.objectiveId)
  );
}

/** The Statement of Applicability (ISO/IEC 42001 6.1.3 d): versions, counts, exports, issuing, import and the controls. */
export function SoaPage() {
  const { me, can } = useSession();
  const { search } = useLocation();
  const searchKey = search.toString();
  const view = useMemo(() => readSoaView(new URLSearchParams(searchKey)), [searchKey]);
  const [panel, setPanel] = useState<Panel>(null);
  const [issued, setIssued] = useState<SoaVersionOutput | null>(null);
  const { version, ...filter } = view;

  const versions = useQuery({ queryKey: ['soa', 'versions'], queryFn: listSoaVersions });
  const working = useQuery({ queryKey: ['soa', 'working'], queryFn: () => getSoa(), enabled: !version });
  const filtered = useQuery({ queryKey: ['soa', 'working', filter], queryFn: () => getSoa(filter), enabled: !version && hasFilter(view) });
  const frozen = useQuery({ queryKey: ['soa', 'version', version], queryFn: () => getSoaVersion(version!), enabled: Boolean(version) });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => listUsers(), enabled: can('user:read') });

  const soa = version ? frozen.data : working.data;
  const loadError = version ? frozen.error : working.error;
  const rows = useMemo(() => {
    if (!soa) return [];
    if (version) return soa.controls.filter((c) => matchesView(c, view));
    return hasFilter(view) ? (filtered.data?.controls ?? []) : soa.controls;
  }, [soa, version, view, filtered.data]);

  const objectives = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of soa?.controls ?? []) seen.set(c.objectiveId, `${c.objectiveId} ${c.objectiveTitle}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [soa]);
  const owners = useMemo(() => {
    const people = new Map<string, string>((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
    for (const c of soa?.controls ?? []) if (c.ownerUserId && c.ownerName) people.set(c.ownerUserId, c.ownerName);
    return [...people].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [users.data, soa]);
  const columns = useMemo(() => soaColumns(), []);

  const go = (next: SoaView) => navigate(soaViewPath(next), { replace: true });
  const isDraft = soa?.version.state === 'draft';
  const toggle = (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which));
  const actions =
    isDraft && (can('soa:write') || can('soa:approve')) ? (
      <>
        {can('soa:write') ? (
          <button type="button" className="button button--secondary" aria-expanded={panel === 'import'} aria-controls="soa-import" onClick={() => toggle('import')}>
            Import CSV
          </button>
        ) : null}
        {can('soa:approve') ? (
          <button type="button" className="button" aria-expanded={panel === 'issue'} aria-controls="soa-issue" onClick={() => toggle('issue')}>
            Issue version {soa.version.number}
          </button>
        ) : null}
      </>
    ) : null;

  return (
    <>
      <PageHeader
        title="Statement of Applicability"
        organization={me.organization.name}
        description="Which ISO/IEC 42001 Annex A controls apply here and why, who owns each, and how far each is implemented (6.1.3 d). Statuses are derived from owners, plans and accepted evidence."
      />
      {issued ? (
        <Notice tone="ok" title={`Version ${issued.number} issued`}>
          Frozen {issued.issuedAt ? <DateTime iso={issued.issuedAt} /> : null} by {issued.issuedBy}
          {issued.documentSha256 ? (
            <>
              {' '}
              with SHA-256 <code title={issued.documentSha256}>{hashPrefix(issued.documentSha256, 16)}</code>
            </>
          ) : null}
          . The next change opens version {issued.number + 1}.
        </Notice>
      ) : null}
      {loadError ? (
        <Notice tone="danger" title="Could not load the Statement of Applicability">
          {errorMessage(loadError)}
        </Notice>
      ) : null}
      {!soa && !loadError ? <p role="status">Loading…</p> : null}
      {soa ? (
        <>
          <SoaVersionPanel
            soa={soa}
            versions={versions.data ?? []}
            selected={version}
            onSelect={(n) => {
              setPanel(null);
              setIssued(null);
              go(n ? { ...filter, version: n } : filter);
            }}
            actions={actions}
          />
          {panel === 'issue' && isDraft ? (
            <SoaIssuePanel
              draftNumber={soa.version.number}
              controls={soa.controls}
              onClose={() => setPanel(null)}
              onIssued={(v) => {
                setPanel(null);
                setIssued(v);
                go({ version: v.number });
              }}
            />
          ) : null}
          {panel === 'import' && isDraft ? <SoaImportPanel onClose={() => setPanel(null)} /> : null}
          <SoaSummary controls={soa.controls} view={view} />
          <section className="panel" aria-labelledby="soa-controls-title">
            <h2 id="soa-controls-title" className="panel__title">
              Controls
            </h2>
            <SoaFilters view={view} objectives={objectives} owners={owners} onChange={go} />
            <DataTable
              caption="Annex A controls"
              columns={columns}
              rows={rows}
              rowKey={(c) => c.controlId}
              filterLabel="Search controls"
              loading={!version && hasFilter(view) && filtered.isPending}
              error={filtered.error}
              empty={<EmptyState title="No controls match these filters" body="Clear a filter to see more controls." />}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
