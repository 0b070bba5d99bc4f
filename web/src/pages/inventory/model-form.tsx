import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RegisterModelInputSchema, type ModelOutput } from '../../../../src/contracts/inventory.contracts.js';
import { MODEL_APPROACHES } from '../../../../src/domain/inventory/inventory-terms.js';
import { INVENTORY_KEYS, registerModel } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { humanize } from '../../lib/format.js';
import { errorFor, lines, textOrNull, topLevelFields } from './inventory-forms.js';
import { invalidateInventory } from './invalidate.js';

type Values = { name: string; description: string; supplierId: string; task: string; approach: string; architectureFamily: string; modelArchitecture: string; inputs: string; outputs: string };
const EMPTY: Values = { name: '', description: '', supplierId: '', task: '', approach: '', architectureFamily: '', modelArchitecture: '', inputs: '', outputs: '' };

/** Records a model: what it does and how it is built (CycloneDX modelParameters); versions come after. */
export function ModelForm({ onSaved, onCancel }: { onSaved: (model: ModelOutput) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const initial = useMemo(() => EMPTY, []);
  const form = useZodForm(RegisterModelInputSchema, initial, {
    toInput: (v) => ({
      name: v.name,
      description: textOrNull(v.description),
      supplierId: v.supplierId || null,
      task: textOrNull(v.task),
      approach: v.approach || null,
      architectureFamily: textOrNull(v.architectureFamily),
      modelArchitecture: textOrNull(v.modelArchitecture),
      inputs: lines(v.inputs),
      outputs: lines(v.outputs),
    }),
  });
  const bind = (name: keyof Values) => ({ ...form.field(name), error: errorFor(form.errors, name) });
  const submit = form.handleSubmit(async (input) => {
    let model: ModelOutput;
    try {
      model = await registerModel(input);
    } catch (error) {
      throw topLevelFields(error);
    }
    await invalidateInventory(queryClient);
    onSaved(model);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Record a model">
      <div className="form-grid">
        <TextField {...bind('name')} label="Name" required />
        <SelectField {...bind('supplierId')} label="Supplier" required={false} options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))} placeholder="Built in-house" />
        <TextField {...bind('task')} label="Task" required={false} hint="e.g. classification, regression, text generation" />
        <SelectField {...bind('approach')} label="Learning approach" required={false} options={MODEL_APPROACHES.map((a) => ({ value: a, label: humanize(a) }))} placeholder="Not stated" />
        <TextField {...bind('architectureFamily')} label="Architecture family" required={false} hint="e.g. gradient boosted trees, transformer" />
        <TextField {...bind('modelArchitecture')} label="Model architecture" required={false} hint="e.g. XGBoost, Llama-3-8B" />
        <TextAreaField {...bind('inputs')} label="Inputs" required={false} rows={2} hint="Formats, one per line: tabular, text, image" />
        <TextAreaField {...bind('outputs')} label="Outputs" required={false} rows={2} hint="One per line." />
      </div>
      <TextAreaField {...bind('description')} label="Description" required={false} rows={2} />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Recording…">
          Record model
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
