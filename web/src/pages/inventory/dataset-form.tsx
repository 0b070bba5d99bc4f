import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RegisterDatasetInputSchema, type DatasetOutput } from '../../../../src/contracts/inventory.contracts.js';
import { INVENTORY_KEYS, registerDataset } from '../../api/inventory.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { textOrNull } from './inventory-forms.js';
import { invalidateInventory } from './invalidate.js';

/** Records a dataset; its versions carry the provenance. */
export function DatasetForm({ onSaved, onCancel }: { onSaved: (dataset: DatasetOutput) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: INVENTORY_KEYS.suppliers, queryFn: listSuppliers });
  const initial = useMemo(() => ({ name: '', description: '', supplierId: '' }), []);
  const form = useZodForm(RegisterDatasetInputSchema, initial, {
    toInput: (v) => ({ name: v.name, description: textOrNull(v.description), supplierId: v.supplierId || null }),
  });
  const submit = form.handleSubmit(async (input) => {
    const dataset = await registerDataset(input);
    await invalidateInventory(queryClient);
    onSaved(dataset);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Record a dataset">
      <div className="form-grid">
        <TextField {...form.field('name')} label="Name" required />
        <SelectField {...form.field('supplierId')} label="Data vendor" required={false} options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))} placeholder="Our own data" />
      </div>
      <TextAreaField {...form.field('description')} label="Description" required={false} rows={2} />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Recording…">
          Record dataset
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
