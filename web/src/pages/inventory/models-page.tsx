import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { INVENTORY_KEYS, listModels } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { InventorySectionNav } from './inventory-section-nav.js';
import { modelPath } from './inventory-labels.js';
import { ModelForm } from './model-form.js';
import './inventory.css';

/** The models of the inventory, by name; each opens with its versions and model card. */
export function ModelsPage() {
  const { me, can } = useSession();
  const [adding, setAdding] = useState(false);
  const models = useQuery({ queryKey: INVENTORY_KEYS.models, queryFn: listModels });
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const supplierName = (id: string | null) => (id ? (suppliers.data?.find((s) => s.id === id)?.name ?? '…') : null);
  return (
    <>
      <PageHeader
        title="Models"
        organization={me.organization.name}
        description="The models your AI systems use, built in-house or bought. Each trained version records its digest, training data, metrics and limitations; the model card is generated from them."
        actions={
          can('system:write') ? (
            <button type="button" className="button" aria-expanded={adding} aria-controls="model-add" onClick={() => setAdding((a) => !a)}>
              Record model
            </button>
          ) : undefined
        }
      />
      <InventorySectionNav />
      {adding ? (
        <section id="model-add" className="panel panel--action" aria-labelledby="model-add-title">
          <h2 id="model-add-title" className="panel__title">
            Record a model
          </h2>
          <ModelForm onSaved={(m) => navigate(modelPath(m.id))} onCancel={() => setAdding(false)} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="models-title">
        <h2 id="models-title" className="panel__title">
          Models
        </h2>
        <DataTable
          caption="Models"
          columns={[
            { id: 'name', header: 'Model', sortValue: (m) => m.name, cell: (m) => <Link to={modelPath(m.id)}>{m.name}</Link> },
            { id: 'task', header: 'Task', sortValue: (m) => m.task, cell: (m) => m.task ?? <span className="muted">Not stated</span> },
            { id: 'arch', header: 'Architecture', filterText: (m) => `${m.architectureFamily ?? ''} ${m.modelArchitecture ?? ''}`, cell: (m) => [m.architectureFamily, m.modelArchitecture].filter(Boolean).join(' · ') || <span className="muted">Not stated</span> },
            { id: 'supplier', header: 'Supplier', sortValue: (m) => supplierName(m.supplierId), cell: (m) => supplierName(m.supplierId) ?? <span className="muted">In-house</span> },
            { id: 'updated', header: 'Last changed', sortValue: (m) => m.updatedAt, cell: (m) => <DateTime iso={m.updatedAt} /> },
          ]}
          rows={models.data ?? []}
          rowKey={(m) => m.id}
          filterLabel="Search models"
          loading={models.isPending}
          error={models.error}
          empty={<EmptyState title="No models yet" body="Record the models your systems use, or import a CycloneDX ML-BOM on the AI systems page." />}
        />
      </section>
    </>
  );
}
