import type { ModelVersionOutput } from '../../../../src/contracts/inventory.contracts.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { formatDate, hashPrefix } from '../../lib/format.js';

type Metric = ModelVersionOutput['metrics'][number];

function metricText(m: Metric): string {
  const bounds = m.lowerBound !== undefined && m.upperBound !== undefined ? ` [${m.lowerBound}–${m.upperBound}]` : '';
  return `${m.name}${m.slice ? ` (${m.slice})` : ''}: ${m.value}${bounds}`;
}

/** A model's versions as recorded: digest, training date and data, evaluation and fairness results, limitations. */
export function ModelVersionsTable({ versions, caption, datasetVersionLabel }: { versions: readonly ModelVersionOutput[]; caption: string; datasetVersionLabel?: (id: string) => string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        {
          id: 'version',
          header: 'Version',
          sortValue: (v) => v.createdAt,
          cell: (v) => (
            <span className="inventory-name">
              <strong className="nowrap">{v.version}</strong>
              <span className="muted inventory-name__unit">
                recorded <DateTime iso={v.createdAt} />
              </span>
            </span>
          ),
        },
        {
          id: 'digest',
          header: 'Artifact digest',
          cell: (v) =>
            v.artifactDigest ? (
              <code className="nowrap" title={v.artifactDigest}>
                {hashPrefix(v.artifactDigest, 19)}…
              </code>
            ) : (
              <span className="muted">None</span>
            ),
        },
        { id: 'trained', header: 'Trained', sortValue: (v) => v.trainingDate, cell: (v) => (v.trainingDate ? <span className="nowrap">{formatDate(v.trainingDate)}</span> : <span className="muted">Not stated</span>) },
        {
          id: 'data',
          header: 'Training data',
          cell: (v) => (v.datasetVersionIds.length === 0 ? <span className="muted">None linked</span> : v.datasetVersionIds.map((id) => datasetVersionLabel?.(id) ?? id).join(', ')),
        },
        {
          id: 'metrics',
          header: 'Evaluation and fairness',
          cell: (v) =>
            v.metrics.length === 0 ? (
              <span className="muted">None recorded</span>
            ) : (
              <ul className="inventory-plain-list">
                {v.metrics.map((m, i) => (
                  <li key={i}>
                    {m.kind === 'fairness' ? <span className="muted">Fairness: </span> : null}
                    {metricText(m)}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          id: 'limitations',
          header: 'Known limitations',
          cell: (v) =>
            v.limitations.length === 0 ? (
              <span className="muted">None recorded</span>
            ) : (
              <ul className="inventory-plain-list">
                {v.limitations.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            ),
        },
      ]}
      rows={versions}
      rowKey={(v) => v.id}
      empty={<EmptyState title="No versions yet" body="A trained model is recorded as a version: digest, training data, metrics and limitations." />}
    />
  );
}
