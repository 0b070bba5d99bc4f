import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { AcceptRiskInputSchema, CloseRiskInputSchema, ReassessRiskInputSchema, type RiskOutput, type ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { RISK_KEYS, acceptRisk, closeRisk, reassessRisk } from '../../api/risk.api.js';
import { IMPACT_KEYS } from '../../api/impact.api.js';
import { Form, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { remapFields } from './field-errors.js';
import { LEVEL_LABEL } from './risk-labels.js';
import { ScoreFields, toWhole } from './score-fields.js';

interface ActionProps {
  risk: RiskOutput;
  onDone: (risk: RiskOutput, message: string) => void;
}

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
    await queryClient.invalidateQueries({ queryKey: IMPACT_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: ['trail'] });
  };
}

/**
 * An approver signs off residual risk above the appetite (6.1.3): a justification and an expiry.
 * The server refuses the risk's owner (segregation of duties) and dates more than three years ahead.
 */
export function AcceptanceForm({ risk, onDone }: ActionProps) {
  const refresh = useRefresh();
  const initial = useMemo(() => ({ justification: '', expiresOn: '' }), []);
  const form = useZodForm(AcceptRiskInputSchema, initial);
  const submit = form.handleSubmit(async (input) => {
    try {
      const saved = await acceptRisk(risk.id, input);
      await refresh();
      onDone(saved, `Residual ${risk.residual ? LEVEL_LABEL[risk.residual.level].toLowerCase() : ''} risk accepted until ${input.expiresOn}.`);
    } catch (error) {
      // The segregation-of-duties refusal names the risk itself; its message says it better than a field.
      throw remapFields(error, (field) => (field === 'riskId' ? null : field));
    }
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Accept the residual risk">
      <TextAreaField {...form.field('justification')} label="Justification" required rows={3} hint="Why the organization can live with this residual risk until the expiry." />
      <TextField {...form.field('expiresOn')} type="date" label="Acceptance expires on" required hint="After today and at most three years ahead; then the risk needs acceptance again." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Accepting…">
          Accept residual risk
        </SubmitButton>
      </div>
    </Form>
  );
}

type ReassessValues = { likelihood: string; severity: string; stakeholderImpact: string; note: string };

/** New inherent scores: answers a due review; the server re-scores and sets the next review date. */
export function ReassessForm({ risk, method, onDone }: ActionProps & { method: ScoringMethodVersionOutput }) {
  const refresh = useRefresh();
  const initial = useMemo<ReassessValues>(
    () => ({ likelihood: String(risk.inherent.likelihood), severity: String(risk.inherent.severity), stakeholderImpact: String(risk.inherent.stakeholderImpact), note: '' }),
    [risk],
  );
  const form = useZodForm(ReassessRiskInputSchema, initial, {
    toInput: (v) => ({ likelihood: toWhole(v.likelihood), severity: toWhole(v.severity), stakeholderImpact: toWhole(v.stakeholderImpact), ...omitBlank({ note: v.note }) }),
  });
  const submit = form.handleSubmit(async (input) => {
    const saved = await reassessRisk(risk.id, input);
    await refresh();
    onDone(saved, `Reassessed: the server scored it ${saved.inherent.score}, level ${LEVEL_LABEL[saved.inherent.level]}.`);
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Reassess">
      <ScoreFields method={method.method} field={form.field as (name: string) => ReturnType<typeof form.field>} />
      <TextAreaField {...form.field('note')} label="Note" required={false} rows={2} hint="What changed since the last assessment." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Saving…">
          Save reassessment
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Closes a risk for good, with the reason (kept in the trail and in the plan). */
export function CloseRiskForm({ risk, onDone }: ActionProps) {
  const refresh = useRefresh();
  const initial = useMemo(() => ({ reason: '' }), []);
  const form = useZodForm(CloseRiskInputSchema, initial);
  const submit = form.handleSubmit(async (input) => {
    const saved = await closeRisk(risk.id, input.reason);
    await refresh();
    onDone(saved, 'Risk closed.');
  });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Close the risk">
      <TextAreaField {...form.field('reason')} label="Reason for closing" required rows={2} hint="For example: the system was retired, or the risk no longer applies." />
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={form.submitting}>
          {form.submitting ? 'Closing…' : 'Close risk'}
        </button>
      </div>
    </Form>
  );
}
