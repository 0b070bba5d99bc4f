import { useQuery } from '@tanstack/react-query';
import { RISK_KEYS, listRisks } from '../../api/risk.api.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { riskPath } from '../risks/risk-labels.js';

/**
 * The risks this control treats, by title, each linking to its page (GET /risks?controlId=…).
 * Without risk:read the ids stay plain text: their pages would be refused.
 */
export function ControlLinkedRisks({ controlId, riskIds }: { controlId: string; riskIds: readonly string[] }) {
  const { can } = useSession();
  const canRead = can('risk:read');
  const filter = { controlId };
  const risks = useQuery({ queryKey: RISK_KEYS.list(filter), queryFn: () => listRisks(filter), enabled: canRead });
  if (!canRead) return <>{riskIds.join(', ')}</>;
  const titles = new Map((risks.data ?? []).map((r) => [r.id, r.title]));
  return (
    <ul className="linked-risks">
      {riskIds.map((id) => (
        <li key={id}>
          <Link to={riskPath(id)}>{titles.get(id) ?? id}</Link>
        </li>
      ))}
    </ul>
  );
}
