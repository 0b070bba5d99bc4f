import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import type { Column } from '../../components/data-table.js';
import { Link } from '../../router/router.js';
import { TierBadge } from './tier-badge.js';
import { ROLE_LABEL, STAGE_LABEL, systemPath, waveLabel } from './inventory-labels.js';

/** The inventory table's columns; every tier, score and wave shown is the server's. */
export function systemColumns(ownerName: (userId: string) => string): Column<SystemDetailOutput>[] {
  return [
    {
      id: 'name',
      header: 'AI system',
      sortValue: (s) => s.name,
      filterText: (s) => `${s.name} ${s.purpose} ${s.businessUnit ?? ''}`,
      cell: (s) => (
        <span className="inventory-name">
          <Link to={systemPath(s.id)} className="inventory-name__link">
            {s.name}
          </Link>
          {s.businessUnit ? <span className="muted inventory-name__unit">{s.businessUnit}</span> : null}
        </span>
      ),
    },
    { id: 'owner', header: 'Owner', sortValue: (s) => ownerName(s.ownerUserId), cell: (s) => ownerName(s.ownerUserId) },
    { id: 'stage', header: 'Stage', sortValue: (s) => s.lifecycleStage, filterText: (s) => STAGE_LABEL[s.lifecycleStage], cell: (s) => STAGE_LABEL[s.lifecycleStage] },
    { id: 'roles', header: 'Our roles', filterText: (s) => s.organizationRoles.map((r) => ROLE_LABEL[r]).join(' '), cell: (s) => s.organizationRoles.map((r) => ROLE_LABEL[r]).join(', ') },
    {
      id: 'tier',
      header: 'EU AI Act',
      sortValue: (s) => s.classification?.tier ?? '',
      filterText: (s) => (s.classification ? `${s.classification.tier} ${s.classification.annexIIIPoints.join(' ')}` : 'not screened'),
      cell: (s) => <TierBadge classification={s.classification} />,
    },
    {
      id: 'score',
      header: 'Score',
      align: 'end',
      sortValue: (s) => s.ranking.score,
      cell: (s) => <span title={s.ranking.factors.map((f) => `${f.factor}: ${f.basis}`).join('\n')}>{s.ranking.score.toFixed(1)}</span>,
    },
    {
      id: 'wave',
      header: 'Wave',
      sortValue: (s) => s.ranking.wave,
      filterText: (s) => `${waveLabel(s.ranking.wave)} ${s.waveOverride?.reason ?? ''}`,
      cell: (s) => <WaveCell system={s} />,
    },
    { id: 'scope', header: 'In AIMS scope', sortValue: (s) => (s.inAimsScope ? 1 : 0), cell: (s) => (s.inAimsScope ? 'Yes' : <span className="muted">No</span>) },
  ];
}

/** The wave the system is in; when a person overrode the proposal, the proposal and their reason beside it. */
export function WaveCell({ system }: { system: SystemDetailOutput }) {
  const { ranking, waveOverride } = system;
  const overridden = waveOverride !== null && waveOverride.wave !== null;
  return (
    <span className="inventory-wave">
      <strong className="nowrap">{waveLabel(ranking.wave)}</strong>
      {overridden ? (
        <span className="inventory-wave__note">
          Overridden (proposed: {waveLabel(ranking.proposedWave)}): “{waveOverride.reason}”
        </span>
      ) : (
        <span className="inventory-wave__note muted">{ranking.wave > 0 ? 'Proposed' : 'Not ranked'}</span>
      )}
    </span>
  );
}
