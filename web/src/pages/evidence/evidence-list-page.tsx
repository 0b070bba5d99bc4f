import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import { listEvidence } from '../../api/evidence.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { evidenceColumns } from './evidence-columns.js';
import { EvidenceUploadForm, KIND_OPTIONS } from './evidence-upload-form.js';

/** Evidence: the list (filterable by kind on the server, by text here) and the upload form. */
export function EvidenceListPage() {
  const { me, can } = useSession();
  const [kind, setKind] = useState('');
  const [uploadOpen, setUploadOpen] = useState(() => window.location.hash === '#upload');
  const [uploaded, setUploaded] = useState<EvidenceOutput | null>(null);
  const kindId = useId();
  const columns = useMemo(() => evidenceColumns(), []);

  const list = useInfiniteQuery({
    queryKey: ['evidence', 'list', { kind }],
    queryFn: ({ pageParam }) => listEvidence({ kind: kind || undefined }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const canUpload = can('evidence:write');

  return (
    <>
      <PageHeader
        title="Evidence"
        organization={me.organization.name}
        description="Documents, records and reports that show the AI management system operates as intended (ISO/IEC 42001 7.5)."
        actions={
          canUpload ? (
            <button type="button" className={uploadOpen ? 'button button--secondary' : 'button'} aria-expanded={uploadOpen} aria-controls="upload" onClick={() => setUploadOpen((o) => !o)}>
              {uploadOpen ? 'Close upload form' : 'Upload evidence'}
            </button>
          ) : null
        }
      />
      {uploaded ? (
        <Notice tone="ok" title="Evidence uploaded">
          <Link to={`/evidence/${uploaded.id}`}>{uploaded.title}</Link> is stored ({uploaded.fileName}).
        </Notice>
      ) : null}
      {canUpload && uploadOpen ? (
        <section id="upload" className="panel" aria-labelledby="upload-title">
          <h2 id="upload-title" className="panel__title">
            Upload evidence
          </h2>
          <EvidenceUploadForm
            onUploaded={(stored) => {
              setUploaded(stored);
              setUploadOpen(false);
            }}
          />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title" className="panel__title">
          All evidence
        </h2>
        <DataTable
          caption="Evidence"
          columns={columns}
          rows={rows}
          rowKey={(e) => e.id}
          filterLabel="Filter by text"
          loading={list.isPending}
          error={list.error}
          hasMore={list.hasNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          loadingMore={list.isFetchingNextPage}
          toolbar={
            <div className="data-table__filter">
              <label htmlFor={kindId}>Kind</label>
              <select id={kindId} className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">All kinds</option>
                {KIND_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          }
          empty={
            <EmptyState
              title={kind ? 'No evidence of this kind' : 'No evidence yet'}
              body="Evidence is what an auditor asks for: upload policies, test results and records, then link them to what they prove."
              action={
                canUpload && !uploadOpen ? (
                  <button type="button" className="button button--secondary" onClick={() => setUploadOpen(true)}>
                    Upload the first file
                  </button>
                ) : null
              }
            />
          }
        />
      </section>
    </>
  );
}
