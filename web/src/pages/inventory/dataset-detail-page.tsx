import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewTriggerOutput } from '../../../../src/contracts/inventory.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, getDataset, listAllSystems } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { DatasetVersionDetails } from './dataset-version-details.js';
import { DatasetVersionForm } from './dataset-version-form.js';
import { supplierPath, systemPath } from './inventory-labels.js';
import './inventory.css';

/** One dataset: its versions newest first with their provenance, and recording a new one. */
export function DatasetDetailPage({ id }: { id: string }) {
  const { me, can } = useSession();
  const [raised, setRaised] = useState<{ version: string; trigger: ReviewTriggerOutput } | null>(null);
  const dataset = useQuery({ queryKey: INVENTORY_KEYS.dataset(id), queryFn: () => getDataset(id) });
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const systems = useQuery({ queryKey: INVENTORY_KEYS.systems({}), queryFn: () => listAllSystems(), enabled: raised !== null });
  const d = dataset.data;
  const supplier = d?.supplierId ? suppliers.data?.find((s) => s.id === d.supplierId) : undefined;
  const versions = [...(d?.versions ?? [])].reverse();

  return (
    <>
      <p className="breadcrumb">
        <Link to="/datasets">
          <span aria-hidden="true">← </span>Datasets
        </Link>
      </p>
      <PageHeader title={d ? `Dataset: ${d.name}` : 'Dataset'} organization={me.organization.name} description={d?.description ?? undefined} />
      {dataset.isPending ? <p role="status">Loading…</p> : null}
      {dataset.isError ? (
        <Notice tone="danger" title={dataset.error instanceof ApiError && dataset.error.status === 404 ? 'No such dataset' : 'Could not load this dataset'}>
          {errorMessage(dataset.error)}
        </Notice>
      ) : null}
      {d ? (
        <>
          <p>
            {supplier ? (
              <>
                Supplied by <Link to={supplierPath(supplier.id)}>{supplier.name}</Link>.
              </>
            ) : (
              <span className="muted">Our own data.</span>
            )}
          </p>
          {raised ? (
            <Notice tone="warn" title={`Version ${raised.version} recorded: review needed`}>
              {raised.trigger.reason}
              {raised.trigger.systemIds.length > 0 ? (
                <ul className="inventory-plain-list">
                  {raised.trigger.systemIds.map((sid) => (
                    <li key={sid}>
                      <Link to={systemPath(sid, 'datasets')}>{systems.data?.find((s) => s.id === sid)?.name ?? sid}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No system is trained on this dataset yet.</p>
              )}
            </Notice>
          ) : null}
          {versions.length === 0 ? (
            <section className="panel" aria-labelledby="dataset-versions-title">
              <h2 id="dataset-versions-title" className="panel__title">
                Versions
              </h2>
              <EmptyState title="No versions yet" body="A version records where the data came from and how it was checked." />
            </section>
          ) : null}
          {versions.map((v) => (
            <section key={v.id} className="panel" aria-labelledby={`dsv-${v.id}`}>
              <h2 id={`dsv-${v.id}`} className="panel__title">
                Version {v.version}
              </h2>
              <DatasetVersionDetails version={v} parentLabel={d.versions.find((p) => p.id === v.parentVersionId)?.version} />
            </section>
          ))}
          {can('system:write') ? (
            <section className="panel" aria-labelledby="dataset-add-version-title">
              <h2 id="dataset-add-version-title" className="panel__title">
                Record a version
              </h2>
              <DatasetVersionForm datasetId={d.id} versions={d.versions} onSaved={(v) => setRaised({ version: v.version, trigger: v.reviewTrigger })} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
