import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AddModelVersionInputSchema, type ModelVersionOutput } from '../../../../src/contracts/inventory.contracts.js';
import { METRIC_KINDS } from '../../../../src/domain/inventory/inventory-terms.js';
import { INVENTORY_KEYS, addModelVersion, listDatasetDetails } from '../../api/inventory.api.js';
import { Form, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { CheckGroup, errorFor, lines, numberOrText, topLevelFields } from './inventory-forms.js';
import { invalidateInventory } from './invalidate.js';
import { RowsEditor, type EditorRow, type RowField } from './rows-editor.js';

type Values = { version: string; artifactDigest: string; trainingDate: string; hyperparameters: string; limitations: string };
const EMPTY: Values = { version: '', artifactDigest: '', trainingDate: '', hyperparameters: '', limitations: '' };

const METRIC_FIELDS: RowField[] = [
  { key: 'name', label: 'Metric', required: true },
  { key: 'kind', label: 'Kind', type: 'select', options: METRIC_KINDS.map((k) => ({ value: k, label: k === 'performance' ? 'Evaluation' : 'Fairness' })), required: true },
  { key: 'value', label: 'Value', type: 'number', required: true },
  { key: 'slice', label: 'Group or slice' },
  { key: 'lowerBound', label: 'Lower bound', type: 'number' },
  { key: 'upperBound', label: 'Upper bound', type: 'number' },
];

/** "max_depth = 6" per line; numbers and true/false keep their type, the rest is text. */
function hyperparameters(text: string): { value: Record<string, string | number | boolean>; bad: number[] } {
  const value: Record<string, string | number | boolean> = {};
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    if (!name) return bad.push(i + 1);
    const raw = line.slice(at + 1).trim();
    value[name] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  });
  return { value, bad };
}

function metrics(rows: readonly EditorRow[]) {
  return rows.map((r) => ({
    name: r.name ?? '',
    kind: r.kind,
    value: numberOrText(r.value ?? ''),
    ...(r.slice?.trim() ? { slice: r.slice } : {}),
    ...(r.lowerBound?.trim() ? { lowerBound: numberOrText(r.lowerBound) } : {}),
    ...(r.upperBound?.trim() ? { upperBound: numberOrText(r.upperBound) } : {}),
  }));
}

/** A trained version of a model: never edited afterwards, a retrained model is a new version. */
export function ModelVersionForm({ modelId, onSaved }: { modelId: string; onSaved: (version: ModelVersionOutput) => void }) {
  const queryClient = useQueryClient();
  const datasets = useQuery({ queryKey: INVENTORY_KEYS.datasetDetails, queryFn: listDatasetDetails });
  const [datasetVersionIds, setDatasetVersionIds] = useState<string[]>([]);
  const [metricRows, setMetricRows] = useState<EditorRow[]>([]);
  const initial = useMemo(() => EMPTY, []);
  const form = useZodForm(AddModelVersionInputSchema, initial, {
    toInput: (v) => ({
      version: v.version,
      ...(v.artifactDigest.trim() ? { artifactDigest: v.artifactDigest.trim() } : {}),
      ...(v.trainingDate ? { trainingDate: v.trainingDate } : {}),
      datasetVersionIds,
      hyperparameters: hyperparameters(v.hyperparameters).value,
      metrics: metrics(metricRows),
      limitations: lines(v.limitations),
    }),
    check: (v) => {
      const { bad } = hyperparameters(v.hyperparameters);
      return bad.length > 0 ? { hyperparameters: `line ${bad.join(', ')}: write name = value` } : {};
    },
    extraFields: ['datasetVersionIds', 'metrics'],
  });
  const bind = (name: keyof Values) => ({ ...form.field(name), error: errorFor(form.errors, name) });
  const versionOptions = (datasets.data ?? []).flatMap((d) => d.versions.map((v) => ({ value: v.id, label: `${d.name} ${v.version}` })));

  const submit = form.handleSubmit(async (input) => {
    let saved: ModelVersionOutput;
    try {
      saved = await addModelVersion(modelId, input);
    } catch (error) {
      throw topLevelFields(error);
    }
    await invalidateInventory(queryClient);
    form.reset();
    setDatasetVersionIds([]);
    setMetricRows([]);
    onSaved(saved);
  });

  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Record a model version">
      <div className="form-grid">
        <TextField {...bind('version')} label="Version" required hint="e.g. 2.3.0" />
        <TextField {...bind('artifactDigest')} label="Artifact digest" required={false} hint="sha256:, sha384: or sha512: and the lowercase hex digest." />
        <TextField {...bind('trainingDate')} label="Training date" type="date" required={false} />
      </div>
      <CheckGroup
        legend="Trained on"
        required={false}
        options={versionOptions}
        chosen={datasetVersionIds}
        onChange={setDatasetVersionIds}
        error={errorFor(form.errors, 'datasetVersionIds')}
        none={datasets.isPending ? 'Loading datasets…' : 'No dataset versions recorded yet.'}
      />
      <TextAreaField {...bind('hyperparameters')} label="Hyperparameters" required={false} rows={3} hint="One per line: name = value, e.g. max_depth = 6." />
      <RowsEditor legend="Evaluation and fairness results" noun="metric" fields={METRIC_FIELDS} rows={metricRows} onChange={setMetricRows} error={errorFor(form.errors, 'metrics')} />
      <TextAreaField {...bind('limitations')} label="Known limitations" required={false} rows={2} hint="One per line." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Recording…">
          Record version
        </SubmitButton>
      </div>
    </Form>
  );
}
