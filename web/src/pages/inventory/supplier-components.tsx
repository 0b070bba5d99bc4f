import type { SupplierOutput } from '../../../../src/contracts/inventory.contracts.js';
import { COMPONENT_TYPE_LABEL } from './inventory-labels.js';

/** What a supplier supplies, one line each. */
export function SupplierComponents({ supplier }: { supplier: SupplierOutput }) {
  if (supplier.components.length === 0) return <span className="muted">No components recorded</span>;
  return (
    <ul className="inventory-plain-list">
      {supplier.components.map((c, i) => (
        <li key={i}>
          {c.name}
          {c.version ? ` ${c.version}` : ''} <span className="muted">({COMPONENT_TYPE_LABEL[c.type]})</span>
          {c.description ? <span className="muted"> {c.description}</span> : null}
        </li>
      ))}
    </ul>
  );
}
