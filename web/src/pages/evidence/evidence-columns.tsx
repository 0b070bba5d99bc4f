import type { EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import type { Column } from '../../components/data-table.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Breakable } from '../../components/breakable.js';
import { DateTime } from '../../components/date-time.js';
import { formatBytes, formatDate, hashPrefix, humanize, localDay } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { validityOf } from './evidence-validity.js';

/** The evidence table's columns. */
export function evidenceColumns(): Column<EvidenceOutput>[] {
  const today = localDay(new Date());
  return [
    { id: 'title', header: 'Title', sortValue: (e) => e.title, filterText: (e) => `${e.title} ${e.fileName} ${e.description ?? ''}`, cell: (e) => <Link to={`/evidence/${e.id}`}>{e.title}</Link> },
    { id: 'kind', header: 'Kind', sortValue: (e) => e.kind, filterText: (e) => humanize(e.kind), cell: (e) => humanize(e.kind) },
    {
      id: 'validity',
      header: 'Validity',
      sortValue: (e) => validityOf(e, today).label,
      cell: (e) => {
        const v = validityOf(e, today);
        return <StatusBadge tone={v.tone}>{v.label}</StatusBadge>;
      },
    },
    { id: 'validUntil', header: 'Valid until', sortValue: (e) => e.validUntil, cell: (e) => formatDate(e.validUntil) },
    { id: 'file', header: 'File', breakable: true, sortValue: (e) => e.fileName, cell: (e) => <Breakable text={e.fileName} /> },
    { id: 'size', header: 'Size', align: 'end', sortValue: (e) => e.sizeBytes, filterText: () => '', cell: (e) => formatBytes(e.sizeBytes) },
    { id: 'createdAt', header: 'Uploaded', sortValue: (e) => e.createdAt, filterText: () => '', cell: (e) => <DateTime iso={e.createdAt} /> },
    { id: 'sha256', header: 'SHA-256', filterText: (e) => e.sha256, cell: (e) => <code title={e.sha256}>{hashPrefix(e.sha256)}</code> },
  ];
}
