import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { RaiseReviewTriggerInputSchema } from '../../../../src/contracts/risk.contracts.js';
import { IMPACT_KEYS } from '../../api/impact.api.js';
import { RISK_KEYS, raiseReviewTrigger, type SystemChoice } from '../../api/risk.api.js';
import { Form, SubmitButton, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { remapFields } from './field-errors.js';

/**
 * Records a regulatory change (or another outside event) that calls for reviews: every risk and
 * approved impact assessment of the chosen systems, or of all systems, becomes due for review.
 */
export function ReviewTriggerForm({ systems, onRaised }: { systems: readonly SystemChoice[]; onRaised: (reason: string) => void }) {
  const queryClient = useQueryClient();
  const groupId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const initial = useMemo(() => ({ reason: '' }), []);
  const form = useZodForm(RaiseReviewTriggerInputSchema, initial, {
    toInput: (v) => ({ reason: v.reason, ...(chosen.length > 0 ? { systemIds: chosen } : {}) }),
    extraFields: ['systemIds'],
  });
  const submit = form.handleSubmit(async (input) => {
    try {
      await raiseReviewTrigger(input);
    } catch (error) {
      throw remapFields(error, (field) => (field.startsWith('systemIds') ? 'systemIds' : field));
    }
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
    await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
    form.reset();
    setChosen([]);
    onRaised(input.reason);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Record a regulatory change">
      <TextField {...form.field('reason')} label="What changed" required hint="For example: “EU AI Act guidelines on high-risk classification published”." />
      <fieldset className="fieldset" aria-describedby={`${groupId}-hint`}>
        <legend>Affected AI systems</legend>
        <p id={`${groupId}-hint`} className="field__hint">
          Leave all unticked to call for a review of every system.
        </p>
        {form.errors.systemIds ? (
          <p className="field__error">
            <span aria-hidden="true">⚠ </span>Systems {form.errors.systemIds}
          </p>
        ) : null}
        {systems.length === 0 ? <p className="muted">No AI systems in the inventory yet.</p> : null}
        <div className="system-checks">
          {systems.map((system) => (
            <div key={system.id} className="check">
              <input
                id={`${groupId}-${system.id}`}
                type="checkbox"
                className="check__input"
                checked={chosen.includes(system.id)}
                onChange={(e) => setChosen((current) => (e.target.checked ? [...current, system.id] : current.filter((id) => id !== system.id)))}
              />
              <label htmlFor={`${groupId}-${system.id}`} className="check__label">
                {system.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Recording…">
          Record regulatory change
        </SubmitButton>
      </div>
    </Form>
  );
}
