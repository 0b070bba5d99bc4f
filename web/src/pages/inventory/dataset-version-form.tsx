import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AddDatasetVersionInputSchema, type DatasetVersionOutput, type ReviewTriggerOutput } from '../../../../src/contracts/inventory.contracts.js';
import { QUALITY_RESULTS } from '../../../../src/domain/inventory/inventory-terms.js';
import { addDatasetVersion } from '../../api/inventory.api.js';
import { CheckboxField, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { humanize } from '../../lib/format.js';
import { errorFor, lines, topLevelFields } from './inventory-forms.js';
import { invalidateInventory } from './invalidate.js';
import { RowsEditor, type EditorRow, type RowField } from './rows-editor.js';

type Values = {
  version: string;
  parentVersionId: string;
  source: string;
  collectionMethod: string;
  licence: string;
  consentBasis: string;
  containsPersonalData: string;
  preprocessingSteps: string;
  representativenessNotes: string;
};
const EMPTY: Values = { version: '', parentVersionId: '', source: '', collectionMethod: '', licence: '', consentBasis: '', containsPersonalData: '', preprocessingSteps: '', representativenessNotes: '' };

const CHECK_FIELDS: RowField[] = [
  { key: 'name', label: 'Check', required: true },
  { key: 'result', label: 'Result', type: 'select', options: QUALITY_RESULTS.map((r) => ({ value: r, label: humanize(r) })), required: true },
  { key: 'details', label: 'Details' },
  { key: 'checkedOn', label: 'Checked on', type: 'date' },
];

const optional = (key: string, value: string) => (value.trim() ? { [key]: value } : {});

/** A version of a dataset with its provenance (ISO/IEC 42001 A.7.3–A.7.6); the server raises "review needed" for the systems trained on the dataset. */
export function DatasetVersionForm({ datasetId, versions, onSaved }: { datasetId: string; versions: readonly DatasetVersionOutput[]; onSaved: (v: DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput }) => void }) {
  const queryClient = useQueryClient();
  const [checks, setChecks] = useState<EditorRow[]>([]);
  const initial = useMemo(() => EMPTY, []);
  const form = useZodForm(AddDatasetVersionInputSchema, initial, {
    toInput: (v) => ({
      version: v.version,
      ...optional('parentVersionId', v.parentVersionId),
      ...optional('source', v.source),
      ...optional('collectionMethod', v.collectionMethod),
      ...optional('licence', v.licence),
      ...optional('consentBasis', v.consentBasis),
      containsPersonalData: v.containsPersonalData === 'yes',
      preprocessingSteps: lines(v.preprocessingSteps),
      ...optional('representativenessNotes', v.representativenessNotes),
      qualityChecks: checks.map((c) => ({ name: c.name ?? '', result: c.result, ...optional('details', c.details ?? ''), ...optional('checkedOn', c.checkedOn ?? '') })),
    }),
    extraFields: ['qualityChecks'],
  });
  const bind = (name: keyof Values) => ({ ...form.field(name), error: errorFor(form.errors, name) });
  const submit = form.handleSubmit(async (input) => {
    let saved: DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput };
    try {
      saved = await addDatasetVersion(datasetId, input);
    } catch (error) {
      throw topLevelFields(error);
    }
    await invalidateInventory(queryClient);
    form.reset();
    setChecks([]);
    onSaved(saved);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Record a dataset version">
      <div className="form-grid">
        <TextField {...bind('version')} label="Version" required hint="e.g. 2019-2024, v3" />
        <SelectField {...bind('parentVersionId')} label="Derived from" required={false} options={versions.map((v) => ({ value: v.id, label: v.version }))} placeholder="No parent version" />
        <TextField {...bind('source')} label="Source" required={false} />
        <TextField {...bind('collectionMethod')} label="Collection method" required={false} />
        <TextField {...bind('licence')} label="Licence" required={false} />
        <TextField {...bind('consentBasis')} label="Consent or legal basis" required={false} hint="e.g. GDPR Art. 6(1)(b)" />
      </div>
      <CheckboxField {...bind('containsPersonalData')} label="Contains personal data" />
      <TextAreaField {...bind('preprocessingSteps')} label="Preprocessing steps" required={false} rows={2} hint="One per line." />
      <TextAreaField {...bind('representativenessNotes')} label="Representativeness" required={false} rows={2} hint="Who is under- or over-represented." />
      <RowsEditor legend="Quality checks" noun="check" fields={CHECK_FIELDS} rows={checks} onChange={setChecks} error={errorFor(form.errors, 'qualityChecks')} />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Recording…">
          Record version
        </SubmitButton>
      </div>
    </Form>
  );
}
