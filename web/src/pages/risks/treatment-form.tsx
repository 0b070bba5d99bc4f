import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { TreatRiskInputSchema, type RiskOutput, type ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { TREATMENTS } from '../../../../src/domain/risk/risk-rules.js';
import type { Catalog } from '../../api/catalog.api.js';
import { RISK_KEYS, treatRisk } from '../../api/risk.api.js';
import { Form, SelectField, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { ControlPicker } from './control-picker.js';
import { remapFields } from './field-errors.js';
import { TREATMENT_HINT, TREATMENT_LABEL } from './risk-labels.js';
import { ScoreFields, toWhole } from './score-fields.js';

type Values = { treatment: string; plan: string; controlIds: string; 'residual.likelihood': string; 'residual.severity': string; 'residual.stakeholderImpact': string };

const OPTIONS = TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABEL[t] }));

function toInput(v: Values) {
  return {
    ...(v.treatment ? { treatment: v.treatment } : {}),
    ...(v.plan.trim() ? { plan: v.plan } : {}),
    controlIds: v.controlIds ? v.controlIds.split(' ') : [],
    residual: { likelihood: toWhole(v['residual.likelihood']), severity: toWhole(v['residual.severity']), stakeholderImpact: toWhole(v['residual.stakeholderImpact']) },
  };
}

/**
 * The treatment decision (ISO/IEC 42001 6.1.3): the option, its plan, the Annex A controls it relies
 * on and the residual scores. The server computes the residual level and whether acceptance is needed.
 */
export function TreatmentForm({ risk, method, catalog, onSaved }: { risk: RiskOutput; method: ScoringMethodVersionOutput; catalog: Catalog | undefined; onSaved: (risk: RiskOutput) => void }) {
  const queryClient = useQueryClient();
  const initial = useMemo<Values>(
    () => ({
      treatment: risk.treatment ?? '',
      plan: risk.treatmentPlan ?? '',
      controlIds: risk.controlIds.join(' '),
      'residual.likelihood': risk.residual ? String(risk.residual.likelihood) : '',
      'residual.severity': risk.residual ? String(risk.residual.severity) : '',
      'residual.stakeholderImpact': risk.residual ? String(risk.residual.stakeholderImpact) : '',
    }),
    [risk],
  );
  const form = useZodForm(TreatRiskInputSchema, initial, { toInput, extraFields: ['residual'] });
  const submit = form.handleSubmit(async (input) => {
    try {
      const saved = await treatRisk(risk.id, input);
      await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
      await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
      await queryClient.invalidateQueries({ queryKey: ['soa'] });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
      onSaved(saved);
    } catch (error) {
      throw remapFields(error, (field) => (field.startsWith('controlIds') ? 'controlIds' : field));
    }
  });
  const treatment = form.values.treatment as keyof typeof TREATMENT_HINT | '';
  const selected = form.values.controlIds ? form.values.controlIds.split(' ') : [];
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Treatment">
      <SelectField {...form.field('treatment')} label="Treatment option" required options={OPTIONS} placeholder="Choose…" hint={treatment ? TREATMENT_HINT[treatment] : 'Mitigate, accept, avoid or transfer.'} />
      <TextAreaField {...form.field('plan')} label="Treatment plan" required={false} rows={3} hint="The actions, who does them and by when." />
      <ControlPicker catalog={catalog} selected={selected} onChange={(next) => form.set('controlIds', next.join(' '))} error={form.errors.controlIds} />
      <fieldset className={`fieldset${form.errors.residual ? ' field--invalid' : ''}`}>
        <legend>Residual scores (after treatment)</legend>
        <p className="field__hint score-note">
          Inherent: likelihood {risk.inherent.likelihood}, severity {risk.inherent.severity}, stakeholder impact {risk.inherent.stakeholderImpact} (score {risk.inherent.score}). The residual score may not be higher. The server computes the residual level; above the appetite ({method.method.appetite}) an approver must accept it.
        </p>
        {form.errors.residual ? (
          <p className="field__error" role="alert">
            <span aria-hidden="true">⚠ </span>Residual {form.errors.residual}
          </p>
        ) : null}
        <ScoreFields method={method.method} field={form.field as (name: string) => ReturnType<typeof form.field>} prefix="residual." labelPrefix="Residual " />
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Saving…">
          Save treatment
        </SubmitButton>
      </div>
    </Form>
  );
}
