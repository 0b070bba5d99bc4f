import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { INVENTORY_KEYS, listDatasets } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { DatasetForm } from './dataset-form.js';
import { InventorySectionNav } from './inventory-section-nav.js';
import { datasetPath } from './inventory-labels.js';
import './inventory.css';

/** The datasets of the inventory, by name; each opens with its versions and their provenance. */
export function DatasetsPage() {
  const { me, can } = useSession();
  const [adding, setAdding] = useState(false);
  const datasets = useQuery({ queryKey: INVENTORY_KEYS.datasets, queryFn: listDatasets });
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const supplierName = (id: string | null) => (id ? (suppliers.data?.find((s) => s.id === id)?.name ?? '…') : null);
  return (
    <>
      <PageHeader
        title="Datasets"
        organization={me.organization.name}
        description="Training, validation and test data with provenance: source, collection, licence and consent, personal data, preprocessing, representativeness and quality checks (ISO/IEC 42001 A.7). A new version calls for a review of the systems trained on it."
        actions={
          can('system:write') ? (
            <button type="button" className="button" aria-expanded={adding} aria-controls="dataset-add" onClick={() => setAdding((a) => !a)}>
              Record dataset
            </button>
          ) : undefined
        }
      />
      <InventorySectionNav />
      {adding ? (
        <section id="dataset-add" className="panel panel--action" aria-labelledby="dataset-add-title">
          <h2 id="dataset-add-title" className="panel__title">
            Record a dataset
          </h2>
          <DatasetForm onSaved={(d) => navigate(datasetPath(d.id))} onCancel={() => setAdding(false)} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="datasets-title">
        <h2 id="datasets-title" className="panel__title">
          Datasets
        </h2>
        <DataTable
          caption="Datasets"
          columns={[
            { id: 'name', header: 'Dataset', sortValue: (d) => d.name, cell: (d) => <Link to={datasetPath(d.id)}>{d.name}</Link> },
            { id: 'description', header: 'Description', filterText: (d) => d.description ?? '', cell: (d) => d.description ?? <span className="muted">None</span> },
            { id: 'supplier', header: 'Vendor', sortValue: (d) => supplierName(d.supplierId), cell: (d) => supplierName(d.supplierId) ?? <span className="muted">Own data</span> },
            { id: 'updated', header: 'Last changed', sortValue: (d) => d.updatedAt, cell: (d) => <DateTime iso={d.updatedAt} /> },
          ]}
          rows={datasets.data ?? []}
          rowKey={(d) => d.id}
          filterLabel="Search datasets"
          loading={datasets.isPending}
          error={datasets.error}
          empty={<EmptyState title="No datasets yet" body="Record the data your models are trained and tested on." />}
        />
      </section>
    </>
  );
}
