import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { StatusBadge } from '../../components/status-badge.js';
import { tierLabel, tierTone } from './inventory-labels.js';

/** The tier of the latest EU AI Act screening, as the server computed it; "Not screened" without one. */
export function TierBadge({ classification }: { classification: SystemDetailOutput['classification'] }) {
  if (!classification) return <span className="muted">Not screened</span>;
  const where = [...classification.annexIIIPoints.map((p) => `Annex III ${p}`), ...(classification.annexI ? ['Annex I'] : [])];
  return (
    <span className="inventory-tier">
      <StatusBadge tone={tierTone(classification.tier)}>{tierLabel(classification.tier)}</StatusBadge>
      {where.length > 0 ? <span className="inventory-tier__where">{where.join(', ')}</span> : null}
      {classification.gpai !== 'none' ? <span className="inventory-tier__where">{classification.gpai === 'gpai-systemic' ? 'GPAI, systemic risk' : 'GPAI model'}</span> : null}
      {!classification.complete ? <span className="inventory-tier__where muted">Screening incomplete</span> : null}
    </span>
  );
}
