import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { evidenceContentUrl, getEvidence, type EvidenceDetail } from '../../api/evidence.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatBytes, formatDate, formatDateTime, humanize, localDay, shortId } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { EvidenceLinkForm } from './evidence-link-form.js';
import { validityOf } from './evidence-validity.js';

/** One evidence item: its metadata and fingerprint, a download, and what it is linked to. */
export function EvidenceDetailPage({ id }: { id: string }) {
  const { me } = useSession();
  const item = useQuery({ queryKey: ['evidence', 'detail', id], queryFn: () => getEvidence(id) });
  const title = item.data?.title ?? 'Evidence';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/evidence">
          <span aria-hidden="true">← </span>All evidence
        </Link>
      </p>
      <PageHeader
        title={title}
        organization={me.organization.name}
        actions={
          item.data ? (
            <a className="button" href={evidenceContentUrl(id)} download={item.data.fileName}>
              Download file
            </a>
          ) : null
        }
      />
      {item.isPending ? <p role="status">Loading…</p> : null}
      {item.isError ? (
        <Notice tone="danger" title={item.error instanceof ApiError && item.error.status === 404 ? 'Not found' : 'Could not load this evidence'}>
          {errorMessage(item.error)} <Link to="/evidence">Back to the list</Link>
        </Notice>
      ) : null}
      {item.data ? <EvidenceBody item={item.data} /> : null}
    </>
  );
}

function EvidenceBody({ item }: { item: EvidenceDetail }) {
  const { me, can } = useSession();
  const validity = validityOf(item, localDay(new Date()));
  return (
    <>
      <section className="panel" aria-labelledby="evidence-details">
        <h2 id="evidence-details" className="panel__title">
          Details
        </h2>
        <dl className="details">
          <dt>Kind</dt>
          <dd>{humanize(item.kind)}</dd>
          <dt>Validity</dt>
          <dd>
            <StatusBadge tone={validity.tone}>{validity.label}</StatusBadge> {formatDate(item.validFrom)} – {formatDate(item.validUntil)}
          </dd>
          <dt>Description</dt>
          <dd>{item.description || <span className="muted">None</span>}</dd>
          <dt>File</dt>
          <dd>
            {item.fileName} <span className="muted">({item.mediaType || 'unknown type'}, {formatBytes(item.sizeBytes)})</span>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{item.sha256}</code>
          </dd>
          <dt>Uploaded</dt>
          <dd>
            {formatDateTime(item.createdAt)} by {item.createdBy}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="evidence-links">
        <h2 id="evidence-links" className="panel__title">
          Linked to
        </h2>
        <DataTable
          caption="Links"
          columns={[
            { id: 'type', header: 'Entity type', sortValue: (l) => l.entityType, cell: (l) => humanize(l.entityType) },
            { id: 'id', header: 'Entity', sortValue: (l) => l.entityId, cell: (l) => (l.entityType === 'organization' && l.entityId === me.organization.id ? me.organization.name : <code title={l.entityId}>{shortId(l.entityId)}</code>) },
            { id: 'at', header: 'Linked', sortValue: (l) => l.createdAt, cell: (l) => <span className="nowrap">{formatDateTime(l.createdAt)}</span> },
          ]}
          rows={item.links}
          rowKey={(l) => `${l.entityType}:${l.entityId}`}
          empty={<EmptyState title="Not linked yet" body="Link evidence to what it supports, so it shows up where an auditor looks." />}
        />
        {can('evidence:link') ? (
          <>
            <h3 className="panel__subtitle">Add a link</h3>
            <EvidenceLinkForm evidenceId={item.id} organizationId={me.organization.id} />
          </>
        ) : null}
      </section>
    </>
  );
}
