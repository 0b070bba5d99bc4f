import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { DecideControlInputSchema, type SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import type { UserOutput } from '../../../../src/contracts/identity.contracts.js';
import { checkControlDecision } from '../../../../src/domain/soa/soa-rules.js';
import { decideSoaControl } from '../../api/soa.api.js';
import { Form, SelectField, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { roleLabel } from '../../lib/roles.js';

type Values = { applicability: string; justification: string; ownerUserId: string; implementationPlan: string };

const APPLICABILITY_OPTIONS = [
  { value: 'applicable', label: 'Applicable' },
  { value: 'excluded', label: 'Excluded' },
];

/** The form's strings as the PATCH body: every field sent, blanks as null, so what you see is what is stored. */
function toInput(v: Values) {
  return {
    ...(v.applicability ? { applicability: v.applicability } : {}),
    justification: v.justification.trim() === '' ? null : v.justification,
    ownerUserId: v.ownerUserId || null,
    implementationPlan: v.implementationPlan.trim() === '' ? null : v.implementationPlan,
  };
}

interface ControlDecisionFormProps {
  control: SoaControlOutput;
  users: readonly UserOutput[];
  onSaved: () => void;
}

/**
 * Tailors one control: applicability, justification, owner and plan. Checked with the server's
 * contract and its domain rule (an exclusion needs a justification, 6.1.3 d) before sending; the
 * server checks again and its field errors land beside the same fields.
 */
export function ControlDecisionForm({ control, users, onSaved }: ControlDecisionFormProps) {
  const queryClient = useQueryClient();
  const initial = useMemo<Values>(
    () => ({
      applicability: control.applicability === 'undecided' ? '' : control.applicability,
      justification: control.justification ?? '',
      ownerUserId: control.ownerUserId ?? '',
      implementationPlan: control.implementationPlan ?? '',
    }),
    [control],
  );
  const form = useZodForm(DecideControlInputSchema, initial, {
    toInput,
    check: (v) => {
      const violations = checkControlDecision({ applicability: v.applicability === 'excluded' ? 'excluded' : 'applicable', justification: v.justification });
      return Object.fromEntries(violations.map((x) => [x.field, x.field === 'justification' ? 'is required to exclude a control' : x.reason]));
    },
  });
  const ownerOptions = users.map((u) => ({ value: u.id, label: `${u.displayName} (${roleLabel(u.role)})` }));
  if (control.ownerUserId && !users.some((u) => u.id === control.ownerUserId)) ownerOptions.push({ value: control.ownerUserId, label: control.ownerName ?? 'Former member' });
  const excluded = form.values.applicability === 'excluded';

  const submit = form.handleSubmit(async (input) => {
    await decideSoaControl(control.controlId, input);
    await queryClient.invalidateQueries({ queryKey: ['soa'] });
    await queryClient.invalidateQueries({ queryKey: ['crosswalks', 'coverage'] });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    onSaved();
  });

  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={`Decision for ${control.controlId}`}>
      <div className="form-grid">
        <SelectField {...form.field('applicability')} label="Applicability" required options={APPLICABILITY_OPTIONS} placeholder="Not decided yet" hint="Applicable: you implement it. Excluded: it does not apply to you." />
        <SelectField {...form.field('ownerUserId')} label="Owner" required={false} options={ownerOptions} placeholder="No owner" hint="Applicable controls need an owner before the SoA can be issued." />
      </div>
      <TextAreaField
        {...form.field('justification')}
        label="Justification"
        required={excluded}
        rows={3}
        hint={excluded ? 'Required: why this control does not apply to your organization.' : 'Why the control is included (needed before issuing).'}
      />
      <TextAreaField {...form.field('implementationPlan')} label="Implementation plan" required={false} rows={3} hint="How and by when the control will be implemented. With an owner, it makes the control planned." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Saving…">
          Save decision
        </SubmitButton>
      </div>
    </Form>
  );
}
