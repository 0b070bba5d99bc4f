import { useQuery } from '@tanstack/react-query';
import type { SupplierOutput, SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { INVENTORY_KEYS } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Link } from '../../router/router.js';
import { SUPPLIER_KIND_LABEL, supplierPath } from './inventory-labels.js';
import { SupplierComponents } from './supplier-components.js';
import { useSystemAssets } from './use-system-assets.js';

interface SupplierRow {
  supplier: SupplierOutput;
  why: string[];
}

/** Third parties behind the system (ISO/IEC 42001 A.10.3): linked to it, or supplying one of its models or datasets. */
export function SystemSuppliersTab({ system }: { system: SystemDetailOutput }) {
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const { models, datasets } = useSystemAssets(system, { datasets: true });
  const rows: SupplierRow[] = (suppliers.data ?? []).flatMap((supplier) => {
    const why = [
      ...(supplier.systemIds.includes(system.id) ? ['Supplies this system'] : []),
      ...models.filter((m) => m.supplierId === supplier.id).map((m) => `Supplies the model ${m.name}`),
      ...[...new Set(datasets.filter((d) => d.dataset.supplierId === supplier.id).map((d) => d.dataset.name))].map((name) => `Supplies the dataset ${name}`),
    ];
    return why.length > 0 ? [{ supplier, why }] : [];
  });

  return (
    <section className="panel" aria-labelledby="system-suppliers-title">
      <h2 id="system-suppliers-title" className="panel__title">
        Suppliers and third-party components
      </h2>
      <DataTable
        caption="Suppliers of this system"
        columns={[
          {
            id: 'name',
            header: 'Supplier',
            sortValue: (r) => r.supplier.name,
            cell: (r) => (
              <span className="inventory-name">
                <Link to={supplierPath(r.supplier.id)} className="inventory-name__link">
                  {r.supplier.name}
                </Link>
                <span className="muted inventory-name__unit">{SUPPLIER_KIND_LABEL[r.supplier.kind]}</span>
              </span>
            ),
          },
          { id: 'why', header: 'Relation', cell: (r) => r.why.join('; ') },
          { id: 'components', header: 'Components', cell: (r) => <SupplierComponents supplier={r.supplier} /> },
          { id: 'contract', header: 'Contract', cell: (r) => r.supplier.contractReference ?? <span className="muted">None recorded</span> },
        ]}
        rows={rows}
        rowKey={(r) => r.supplier.id}
        loading={suppliers.isPending}
        error={suppliers.error}
        empty={<EmptyState title="No supplier linked" body={<>Record suppliers under <Link to="/suppliers">Suppliers</Link> and name the systems that use what they supply.</>} />}
      />
    </section>
  );
}
