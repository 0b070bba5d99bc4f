import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ChangeSupplierInputSchema, RegisterSupplierInputSchema, type SupplierOutput } from '../../../../src/contracts/inventory.contracts.js';
import { COMPONENT_TYPES } from '../../../../src/domain/inventory/inventory-terms.js';
import { INVENTORY_KEYS, changeSupplier, listAllSystems, registerSupplier } from '../../api/inventory.api.js';
import { Form, SelectField, SubmitButton, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { CheckGroup, errorFor, textOrNull, topLevelFields } from './inventory-forms.js';
import { COMPONENT_TYPE_LABEL, SUPPLIER_KIND_LABEL, options } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';
import { RowsEditor, type EditorRow, type RowField } from './rows-editor.js';

const COMPONENT_FIELDS: RowField[] = [
  { key: 'name', label: 'Component', required: true },
  { key: 'type', label: 'Type', type: 'select', options: COMPONENT_TYPES.map((t) => ({ value: t, label: COMPONENT_TYPE_LABEL[t] })), required: true },
  { key: 'version', label: 'Version' },
  { key: 'description', label: 'Description' },
];

const optional = (key: string, value: string | undefined) => (value?.trim() ? { [key]: value } : {});

/** A supplier (ISO/IEC 42001 A.10.3): what it supplies, under which contract, to which systems. */
export function SupplierForm({ supplier, onSaved, onCancel }: { supplier?: SupplierOutput; onSaved: (s: SupplierOutput) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const systems = useQuery({ queryKey: INVENTORY_KEYS.systems({}), queryFn: () => listAllSystems() });
  const initial = useMemo(() => ({ name: supplier?.name ?? '', kind: supplier?.kind ?? 'model_api', contractReference: supplier?.contractReference ?? '' }), [supplier]);
  const [components, setComponents] = useState<EditorRow[]>(() => (supplier?.components ?? []).map((c) => ({ name: c.name, type: c.type, version: c.version ?? '', description: c.description ?? '' })));
  const [systemIds, setSystemIds] = useState<string[]>(supplier?.systemIds ?? []);
  const form = useZodForm(supplier ? ChangeSupplierInputSchema : RegisterSupplierInputSchema, initial, {
    toInput: (v) => ({
      name: v.name,
      kind: v.kind,
      contractReference: textOrNull(v.contractReference),
      components: components.map((c) => ({ name: c.name ?? '', type: c.type, ...optional('version', c.version), ...optional('description', c.description) })),
      systemIds,
    }),
    extraFields: ['components', 'systemIds'],
  });
  const submit = form.handleSubmit(async (input) => {
    let saved: SupplierOutput;
    try {
      saved = supplier ? await changeSupplier(supplier.id, input) : await registerSupplier(input as Parameters<typeof registerSupplier>[0]);
    } catch (error) {
      throw topLevelFields(error);
    }
    await invalidateInventory(queryClient);
    onSaved(saved);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={supplier ? `Edit ${supplier.name}` : 'Record a supplier'}>
      <div className="form-grid">
        <TextField {...form.field('name')} label="Name" required />
        <SelectField {...form.field('kind')} label="Kind" options={options(SUPPLIER_KIND_LABEL)} />
        <TextField {...form.field('contractReference')} label="Contract reference" required={false} hint="e.g. MSA-2025-017" />
      </div>
      <RowsEditor legend="Components supplied" noun="component" fields={COMPONENT_FIELDS} rows={components} onChange={setComponents} error={errorFor(form.errors, 'components')} />
      <CheckGroup
        legend="Systems that use them"
        required={false}
        options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        chosen={systemIds}
        onChange={setSystemIds}
        error={errorFor(form.errors, 'systemIds')}
        none={systems.isPending ? 'Loading systems…' : 'No AI systems in the inventory yet.'}
      />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Saving…">
          {supplier ? 'Save changes' : 'Record supplier'}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
