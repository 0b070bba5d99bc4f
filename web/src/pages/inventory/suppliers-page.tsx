import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { INVENTORY_KEYS } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { InventorySectionNav } from './inventory-section-nav.js';
import { SUPPLIER_KIND_LABEL, supplierPath } from './inventory-labels.js';
import { SupplierComponents } from './supplier-components.js';
import { SupplierForm } from './supplier-form.js';
import './inventory.css';

/** Suppliers and third-party components (a model API, a cloud service, a data vendor), by name. */
export function SuppliersPage() {
  const { me, can } = useSession();
  const [adding, setAdding] = useState(false);
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  return (
    <>
      <PageHeader
        title="Suppliers"
        organization={me.organization.name}
        description="Third parties whose models, services or data your AI systems rely on, with the contract and the systems that use them (ISO/IEC 42001 A.10.3)."
        actions={
          can('system:write') ? (
            <button type="button" className="button" aria-expanded={adding} aria-controls="supplier-add" onClick={() => setAdding((a) => !a)}>
              Record supplier
            </button>
          ) : undefined
        }
      />
      <InventorySectionNav />
      {adding ? (
        <section id="supplier-add" className="panel panel--action" aria-labelledby="supplier-add-title">
          <h2 id="supplier-add-title" className="panel__title">
            Record a supplier
          </h2>
          <SupplierForm onSaved={(s) => navigate(supplierPath(s.id))} onCancel={() => setAdding(false)} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="suppliers-title">
        <h2 id="suppliers-title" className="panel__title">
          Suppliers
        </h2>
        <DataTable
          caption="Suppliers"
          columns={[
            { id: 'name', header: 'Supplier', sortValue: (s) => s.name, cell: (s) => <Link to={supplierPath(s.id)}>{s.name}</Link> },
            { id: 'kind', header: 'Kind', sortValue: (s) => SUPPLIER_KIND_LABEL[s.kind], cell: (s) => SUPPLIER_KIND_LABEL[s.kind] },
            { id: 'components', header: 'Components', filterText: (s) => s.components.map((c) => c.name).join(' '), cell: (s) => <SupplierComponents supplier={s} /> },
            { id: 'contract', header: 'Contract', sortValue: (s) => s.contractReference, cell: (s) => s.contractReference ?? <span className="muted">None recorded</span> },
            { id: 'systems', header: 'Systems', align: 'end', sortValue: (s) => s.systemIds.length, cell: (s) => s.systemIds.length },
          ]}
          rows={suppliers.data ?? []}
          rowKey={(s) => s.id}
          filterLabel="Search suppliers"
          loading={suppliers.isPending}
          error={suppliers.error}
          empty={<EmptyState title="No suppliers yet" body="Record the vendors of the models, services and data your systems use." />}
        />
      </section>
    </>
  );
}
