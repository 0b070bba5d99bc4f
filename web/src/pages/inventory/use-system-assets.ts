import { useQueries, useQuery } from '@tanstack/react-query';
import type { DatasetVersionOutput, SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { INVENTORY_KEYS, getModel, listDatasetDetails, type DatasetDetail, type ModelDetail } from '../../api/inventory.api.js';

export interface UsedDatasetVersion {
  dataset: DatasetDetail;
  version: DatasetVersionOutput;
  /** The model versions trained on it. */
  usedBy: string[];
}

/**
 * What a system uses, joined from the server's records: its models with their versions, and the
 * dataset versions those were trained on. The API has no per-system lookup of these, so the
 * links on the records (modelIds, datasetVersionIds) are followed here.
 */
export function useSystemAssets(system: SystemDetailOutput, options: { datasets?: boolean } = {}) {
  const models = useQueries({
    queries: system.modelIds.map((id) => ({ queryKey: INVENTORY_KEYS.model(id), queryFn: () => getModel(id) })),
  });
  const datasets = useQuery({ queryKey: INVENTORY_KEYS.datasetDetails, queryFn: listDatasetDetails, enabled: options.datasets ?? false });
  const loaded = models.map((m) => m.data).filter((m): m is ModelDetail => Boolean(m));
  const error = models.find((m) => m.error)?.error ?? datasets.error;

  const used: UsedDatasetVersion[] = [];
  if (datasets.data) {
    const byVersion = new Map<string, { dataset: DatasetDetail; version: DatasetVersionOutput }>();
    for (const dataset of datasets.data) for (const version of dataset.versions) byVersion.set(version.id, { dataset, version });
    const usedBy = new Map<string, string[]>();
    for (const model of loaded) for (const mv of model.versions) for (const id of mv.datasetVersionIds) usedBy.set(id, [...(usedBy.get(id) ?? []), `${model.name} ${mv.version}`]);
    for (const [id, by] of usedBy) {
      const found = byVersion.get(id);
      if (found) used.push({ ...found, usedBy: by });
    }
  }
  return {
    models: loaded,
    modelsPending: models.some((m) => m.isPending),
    datasets: used,
    allDatasets: datasets.data ?? [],
    datasetsPending: (options.datasets ?? false) && datasets.isPending,
    error,
  };
}
