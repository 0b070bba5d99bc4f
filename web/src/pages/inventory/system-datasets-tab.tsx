import { useQuery } from '@tanstack/react-query';
import type { SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { INVENTORY_KEYS, listOpenReviewTriggers } from '../../api/inventory.api.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { Link } from '../../router/router.js';
import { DatasetVersionDetails } from './dataset-version-details.js';
import { datasetPath } from './inventory-labels.js';
import { useSystemAssets } from './use-system-assets.js';

/** The dataset versions the system's models were trained on, with provenance, and any open "review needed" trigger. */
export function SystemDatasetsTab({ system }: { system: SystemDetailOutput }) {
  const { datasets, allDatasets, datasetsPending, modelsPending, error } = useSystemAssets(system, { datasets: true });
  const triggers = useQuery({ queryKey: INVENTORY_KEYS.triggers, queryFn: listOpenReviewTriggers });
  const mine = (triggers.data ?? []).filter((t) => t.systemIds.includes(system.id));
  const versionLabel = (id: string) => {
    for (const d of allDatasets) {
      const v = d.versions.find((x) => x.id === id);
      if (v) return `${d.name} ${v.version}`;
    }
    return undefined;
  };

  return (
    <>
      {mine.length > 0 ? (
        <Notice tone="warn" title="Review needed">
          <ul className="inventory-plain-list">
            {mine.map((t) => (
              <li key={t.id}>
                {t.reason} (<DateTime iso={t.createdAt} />)
              </li>
            ))}
          </ul>
          The risk assessment of this system should be reviewed against the new data.
        </Notice>
      ) : null}
      {error ? <Notice tone="danger" title="Could not load the datasets">{errorMessage(error)}</Notice> : null}
      {datasetsPending || modelsPending ? <p role="status">Loading datasets…</p> : null}
      {!datasetsPending && !modelsPending && datasets.length === 0 ? (
        <section className="panel" aria-labelledby="system-datasets-title">
          <h2 id="system-datasets-title" className="panel__title">
            Datasets
          </h2>
          <EmptyState title="No training data linked" body={<>A model version names the dataset versions it was trained on. Record datasets under <Link to="/datasets">Datasets</Link>.</>} />
        </section>
      ) : null}
      {datasets.map(({ dataset, version, usedBy }) => (
        <section key={version.id} className="panel" aria-labelledby={`dsv-${version.id}-title`}>
          <div className="inventory-panel-head">
            <h2 id={`dsv-${version.id}-title`} className="panel__title">
              Dataset: {dataset.name}, version {version.version}
            </h2>
            <Link to={datasetPath(dataset.id)} className="button button--secondary">
              Open dataset
            </Link>
          </div>
          <p className="muted">Training data of {usedBy.join(', ')}.</p>
          <DatasetVersionDetails version={version} parentLabel={version.parentVersionId ? versionLabel(version.parentVersionId) : undefined} />
        </section>
      ))}
    </>
  );
}
