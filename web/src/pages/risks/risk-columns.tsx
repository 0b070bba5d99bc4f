import type { RiskOutput } from '../../../../src/contracts/risk.contracts.js';
import type { Column } from '../../components/data-table.js';
import { Link } from '../../router/router.js';
import { LevelBadge, RiskFlags, RiskStatusBadge } from './risk-badges.js';
import { LEVEL_LABEL, SOURCE_LABEL, STATUS_LABEL, STATUS_ORDER, riskPath } from './risk-labels.js';

/** The register's columns; every score, level, status and flag is the server's. */
export function riskColumns(): Column<RiskOutput>[] {
  return [
    {
      id: 'title',
      header: 'Risk',
      sortValue: (r) => r.title,
      filterText: (r) => `${r.title} ${SOURCE_LABEL[r.sourceType]} ${r.flags.join(' ')}`,
      cell: (r) => (
        <div className="risk-cell">
          <Link to={riskPath(r.id)} className="risk-cell__title">
            {r.title}
          </Link>
          <span className="muted risk-cell__source">{SOURCE_LABEL[r.sourceType]}</span>
          <RiskFlags flags={r.flags} />
        </div>
      ),
    },
    { id: 'system', header: 'System', sortValue: (r) => r.systemName, cell: (r) => r.systemName },
    { id: 'owner', header: 'Owner', sortValue: (r) => r.ownerName ?? '', cell: (r) => r.ownerName ?? <span className="muted">Former member</span> },
    {
      id: 'inherent',
      header: 'Inherent',
      sortValue: (r) => r.inherent.score,
      filterText: (r) => LEVEL_LABEL[r.inherent.level],
      cell: (r) => <LevelBadge scored={r.inherent} label="Inherent" />,
    },
    {
      id: 'residual',
      header: 'Residual',
      sortValue: (r) => r.residual?.score ?? null,
      filterText: (r) => (r.residual ? LEVEL_LABEL[r.residual.level] : ''),
      cell: (r) => <LevelBadge scored={r.residual} label="Residual" />,
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (r) => STATUS_ORDER.indexOf(r.status),
      filterText: (r) => `${STATUS_LABEL[r.status]} ${r.statusReasons.join(' ')}`,
      cell: (r) => <RiskStatusBadge status={r.status} reasons={r.statusReasons} subject={r.title} />,
    },
  ];
}
