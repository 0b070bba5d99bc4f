import type { SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import type { Column } from '../../components/data-table.js';
import { Link } from '../../router/router.js';
import { ControlStatusBadge } from './control-status.js';
import { APPLICABILITY_LABEL, STATUS_LABEL, STATUS_ORDER, controlPath } from './soa-labels.js';

/** The SoA table's columns; every status and count shown comes from the server's document. */
export function soaColumns(): Column<SoaControlOutput>[] {
  return [
    {
      id: 'control',
      header: 'Control',
      sortValue: (c) => c.controlId,
      filterText: (c) => `${c.controlId} ${c.title} ${c.responsibilities.map((r) => r.supplierName).join(' ')}`,
      cell: (c) => (
        <span className="soa-control">
          <Link to={controlPath(c.controlId)} className="soa-control__id">
            {c.controlId}
          </Link>{' '}
          <span className="soa-control__title">{c.title}</span>
          {c.responsibilities.length > 0 ? <SharedHint shares={c.responsibilities} /> : null}
        </span>
      ),
    },
    {
      id: 'objective',
      header: 'Objective',
      sortValue: (c) => c.objectiveId,
      filterText: (c) => `${c.objectiveId} ${c.objectiveTitle}`,
      cell: (c) => (
        <span>
          <span className="nowrap">{c.objectiveId}</span> <span className="muted">{c.objectiveTitle}</span>
        </span>
      ),
    },
    { id: 'applicability', header: 'Applicability', sortValue: (c) => c.applicability, filterText: (c) => APPLICABILITY_LABEL[c.applicability], cell: (c) => APPLICABILITY_LABEL[c.applicability] },
    { id: 'owner', header: 'Owner', sortValue: (c) => c.ownerName, filterText: (c) => c.ownerName ?? '', cell: (c) => c.ownerName ?? <span className="muted">No owner</span> },
    {
      id: 'status',
      header: 'Status',
      sortValue: (c) => STATUS_ORDER.indexOf(c.status),
      filterText: (c) => `${STATUS_LABEL[c.status]} ${c.statusReasons.join(' ')}`,
      cell: (c) => <ControlStatusBadge status={c.status} reasons={c.statusReasons} controlId={c.controlId} />,
    },
    {
      id: 'evidence',
      header: 'Evidence',
      align: 'end',
      sortValue: (c) => c.evidence.length,
      filterText: () => '',
      cell: (c) => {
        const current = c.evidence.filter((e) => e.current).length;
        if (c.evidence.length === 0) return <span className="muted">None</span>;
        return (
          <span className="nowrap" title={`${c.evidence.length} linked, ${current} accepted and valid today`}>
            {c.evidence.length} <span className="muted">({current} current)</span>
          </span>
        );
      },
    },
  ];
}

/** A quiet line under the title: which suppliers hold a share (their names on hover). */
function SharedHint({ shares }: { shares: SoaControlOutput['responsibilities'] }) {
  const names = shares.map((s) => s.supplierName).join(', ');
  return (
    <span className="soa-control__shared" title={`Shared with ${names}`}>
      Shared with {shares.length === 1 ? names : `${shares.length} suppliers`}
    </span>
  );
}
