import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getModel, listAllSystems, listDatasetDetails } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { humanize } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { supplierPath, systemPath } from './inventory-labels.js';
import { ModelCardView } from './model-card-view.js';
import { ModelVersionForm } from './model-version-form.js';
import { ModelVersionsTable } from './model-versions-table.js';
import './inventory.css';

const none = <span className="muted">Not stated</span>;

/** One model: how it is built, the systems using it, its versions (and adding one), and its model card. */
export function ModelDetailPage({ id }: { id: string }) {
  const { me, can } = useSession();
  const [added, setAdded] = useState<string | null>(null);
  const model = useQuery({ queryKey: INVENTORY_KEYS.model(id), queryFn: () => getModel(id) });
  const systems = useQuery({ queryKey: INVENTORY_KEYS.systems({}), queryFn: () => listAllSystems() });
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const datasets = useQuery({ queryKey: INVENTORY_KEYS.datasetDetails, queryFn: listDatasetDetails });
  const m = model.data;
  const supplier = m?.supplierId ? suppliers.data?.find((s) => s.id === m.supplierId) : undefined;
  const versionLabel = (versionId: string) => {
    for (const d of datasets.data ?? []) {
      const v = d.versions.find((x) => x.id === versionId);
      if (v) return `${d.name} ${v.version}`;
    }
    return versionId;
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/models">
          <span aria-hidden="true">← </span>Models
        </Link>
      </p>
      <PageHeader title={m ? `Model: ${m.name}` : 'Model'} organization={me.organization.name} description={m?.description ?? undefined} />
      {model.isPending ? <p role="status">Loading…</p> : null}
      {model.isError ? (
        <Notice tone="danger" title={model.error instanceof ApiError && model.error.status === 404 ? 'No such model' : 'Could not load this model'}>
          {errorMessage(model.error)}
        </Notice>
      ) : null}
      {m ? (
        <>
          <section className="panel" aria-labelledby="model-facts-title">
            <h2 id="model-facts-title" className="panel__title">
              How it is built
            </h2>
            <dl className="details inventory-details">
              <dt>Task</dt>
              <dd>{m.task ?? none}</dd>
              <dt>Learning approach</dt>
              <dd>{m.approach ? humanize(m.approach) : none}</dd>
              <dt>Architecture</dt>
              <dd>{[m.architectureFamily, m.modelArchitecture].filter(Boolean).join(' · ') || none}</dd>
              <dt>Inputs</dt>
              <dd>{m.inputs.join(', ') || none}</dd>
              <dt>Outputs</dt>
              <dd>{m.outputs.join(', ') || none}</dd>
              <dt>Supplier</dt>
              <dd>{supplier ? <Link to={supplierPath(supplier.id)}>{supplier.name}</Link> : m.supplierId ? m.supplierId : 'Built in-house'}</dd>
              <dt>Used by</dt>
              <dd>
                {m.systemIds.length === 0 ? (
                  <span className="muted">No system yet</span>
                ) : (
                  <ul className="inventory-plain-list">
                    {m.systemIds.map((sid) => (
                      <li key={sid}>
                        <Link to={systemPath(sid)}>{systems.data?.find((s) => s.id === sid)?.name ?? sid}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="model-versions-title">
            <h2 id="model-versions-title" className="panel__title">
              Versions
            </h2>
            {added ? <Notice tone="ok">Version {added} recorded.</Notice> : null}
            <ModelVersionsTable caption={`Versions of ${m.name}`} versions={m.versions} datasetVersionLabel={versionLabel} />
            {can('system:write') ? (
              <>
                <h3 className="panel__subtitle">Record a version</h3>
                <ModelVersionForm modelId={m.id} onSaved={(v) => setAdded(v.version)} />
              </>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="model-card-title">
            <h2 id="model-card-title" className="panel__title">
              Model card
            </h2>
            <ModelCardView key={m.versions.length} modelId={m.id} />
          </section>
        </>
      ) : null}
    </>
  );
}
