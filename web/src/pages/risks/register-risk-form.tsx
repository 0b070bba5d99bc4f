import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RISK_SOURCES, RegisterRiskInputSchema, type RiskOutput, type ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { RISK_KEYS, registerRisk, type SystemChoice } from '../../api/risk.api.js';
import { Form, SelectField, SubmitButton, TextAreaField, TextField, type SelectOption } from '../../components/form-fields.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { SOURCE_LABEL } from './risk-labels.js';
import { ScoreFields, toWhole } from './score-fields.js';

type Values = { systemId: string; title: string; description: string; sourceType: string; sourceRef: string; ownerUserId: string; likelihood: string; severity: string; stakeholderImpact: string };

const SOURCE_OPTIONS = RISK_SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL[s] }));

/** Form strings as the contract's input: blanks left out, scores as numbers, and never a score or level. */
function toInput(v: Values) {
  const { likelihood, severity, stakeholderImpact, ...rest } = v;
  return { ...omitBlank(rest), likelihood: toWhole(likelihood), severity: toWhole(severity), stakeholderImpact: toWhole(stakeholderImpact) };
}

interface RegisterRiskFormProps {
  method: ScoringMethodVersionOutput;
  systems: readonly SystemChoice[];
  owners: readonly SelectOption[];
  onRegistered: (risk: RiskOutput) => void;
  onCancel: () => void;
}

/**
 * Registers a risk. The server scores it with the method in force and refuses it while the
 * system has no approved impact assessment (6.1.4 before 6.1.2); both answers land on the fields.
 */
export function RegisterRiskForm({ method, systems, owners, onRegistered, onCancel }: RegisterRiskFormProps) {
  const queryClient = useQueryClient();
  const initial = useMemo<Values>(() => ({ systemId: '', title: '', description: '', sourceType: 'manual', sourceRef: '', ownerUserId: '', likelihood: '', severity: '', stakeholderImpact: '' }), []);
  // A missing id would read "must be a UUID"; say what the person missed instead.
  const form = useZodForm(RegisterRiskInputSchema, initial, {
    toInput,
    check: (v) => ({ systemId: v.systemId ? undefined : 'is required', ownerUserId: v.ownerUserId ? undefined : 'is required' }),
  });
  const submit = form.handleSubmit(async (input) => {
    const risk = await registerRisk(input);
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
    await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
    form.reset();
    onRegistered(risk);
  });
  return (
    <section id="risk-register-form" className="panel panel--action" aria-labelledby="risk-register-title">
      <h2 id="risk-register-title" className="panel__title">
        Register a risk
      </h2>
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Register a risk">
        <div className="form-grid">
          <SelectField {...form.field('systemId')} label="AI system" required options={systems.map((s) => ({ value: s.id, label: s.name }))} placeholder="Choose a system…" hint="Its impact assessment must be approved first." />
          <SelectField {...form.field('ownerUserId')} label="Owner" required options={owners} placeholder="Choose the owner…" hint="Answers for the treatment; cannot accept their own risk." />
        </div>
        <TextField {...form.field('title')} label="Title" required />
        <TextAreaField {...form.field('description')} label="Description" required={false} rows={2} />
        <div className="form-grid">
          <SelectField {...form.field('sourceType')} label="Source" required options={SOURCE_OPTIONS} />
          <TextField {...form.field('sourceRef')} label="Source reference" required={false} hint="An assessment, alert or incident id, or a finding number." />
        </div>
        <fieldset className="fieldset">
          <legend>Inherent scores (before treatment)</legend>
          <p className="field__hint score-note">
            Scored on method version {method.version}. The server computes the score (likelihood × the worse of severity and stakeholder impact) and the level when you register.
          </p>
          <ScoreFields method={method.method} field={form.field as (name: string) => ReturnType<typeof form.field>} />
        </fieldset>
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Registering…">
            Register risk
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </Form>
    </section>
  );
}
