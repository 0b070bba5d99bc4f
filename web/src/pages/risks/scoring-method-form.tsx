import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ChangeScoringMethodInputSchema, type ScoringMethodVersionOutput } from '../../../../src/contracts/risk.contracts.js';
import { RISK_LEVELS } from '../../../../src/domain/risk/scoring-method.js';
import { IMPACT_KEYS } from '../../api/impact.api.js';
import { RISK_KEYS, changeScoringMethod } from '../../api/risk.api.js';
import { Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { remapFields } from './field-errors.js';
import { LEVEL_LABEL } from './risk-labels.js';
import { DIMENSION_LABEL, toWhole } from './score-fields.js';

type Method = ScoringMethodVersionOutput['method'];
const SCALES = ['likelihood', 'severity', 'stakeholderImpact'] as const;
type Values = Record<string, string>;

/** The method as flat form strings, keyed by the very paths the contract and the server name in their errors. */
function toValues(method: Method): Values {
  const v: Values = { reason: '', 'method.appetite': method.appetite, 'method.assessmentReviewDays': String(method.assessmentReviewDays) };
  for (const s of SCALES) {
    v[`method.${s}.min`] = String(method[s].min);
    v[`method.${s}.max`] = String(method[s].max);
    v[`method.${s}.labels`] = method[s].labels.join('\n');
  }
  method.levels.forEach((band, i) => (v[`method.levels.${i}.from`] = String(band.from)));
  for (const level of RISK_LEVELS) v[`method.reviewIntervalDays.${level}`] = String(method.reviewIntervalDays[level]);
  return v;
}

function toInput(v: Values) {
  const scale = (s: (typeof SCALES)[number]) => ({
    min: toWhole(v[`method.${s}.min`] ?? ''),
    max: toWhole(v[`method.${s}.max`] ?? ''),
    labels: (v[`method.${s}.labels`] ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
  });
  return {
    reason: v.reason,
    method: {
      likelihood: scale('likelihood'),
      severity: scale('severity'),
      stakeholderImpact: scale('stakeholderImpact'),
      levels: RISK_LEVELS.map((level, i) => ({ level, from: toWhole(v[`method.levels.${i}.from`] ?? '') })),
      appetite: v['method.appetite'],
      reviewIntervalDays: Object.fromEntries(RISK_LEVELS.map((level) => [level, toWhole(v[`method.reviewIntervalDays.${level}`] ?? '')])),
      assessmentReviewDays: toWhole(v['method.assessmentReviewDays'] ?? ''),
    },
  };
}

/** A whole-scale problem ("min and max must be…") is shown on the scale's max field. */
function placeField(field: string): string {
  return /^method\.(likelihood|severity|stakeholderImpact)$/.test(field) ? `${field}.max` : field;
}

/**
 * Changes the scoring method: saved as a new version, and every open risk is re-scored with it by
 * the server (one trail event each). The server checks the method and names each bad field.
 */
export function ScoringMethodForm({ current, onChanged }: { current: ScoringMethodVersionOutput; onChanged: (version: number, rescored: number) => void }) {
  const queryClient = useQueryClient();
  const initial = useMemo(() => toValues(current.method), [current]);
  const form = useZodForm(ChangeScoringMethodInputSchema, initial, { toInput });
  const submit = form.handleSubmit(async (input) => {
    try {
      const changed = await changeScoringMethod(input);
      for (const key of [RISK_KEYS.all, RISK_KEYS.method, RISK_KEYS.reviews, IMPACT_KEYS.all, ['trail']]) await queryClient.invalidateQueries({ queryKey: key });
      onChanged(changed.version, changed.rescored);
    } catch (error) {
      throw remapFields(error, placeField);
    }
  });
  const field = (name: string) => ({ ...form.field(name), value: form.values[name] ?? '' });
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Change the scoring method">
      <div className="method-scales">
        {SCALES.map((s) => (
          <fieldset key={s} className="fieldset method-scale">
            <legend>{DIMENSION_LABEL[s]} scale</legend>
            <div className="form-grid method-minmax">
              <TextField {...field(`method.${s}.min`)} type="number" label="Lowest point" required />
              <TextField {...field(`method.${s}.max`)} type="number" label="Highest point" required />
            </div>
            <TextAreaField {...field(`method.${s}.labels`)} label="Labels, one per line" required rows={5} hint="From the lowest point to the highest." />
          </fieldset>
        ))}
      </div>
      <fieldset className="fieldset">
        <legend>Levels and review intervals</legend>
        <p className="field__hint">A score at or above “from” has that level. Each level’s interval sets a risk’s next scheduled review.</p>
        <div className="method-levels">
          {RISK_LEVELS.map((level, i) => (
            <div key={level} className="method-level">
              <p className="method-level__name">{LEVEL_LABEL[level]}</p>
              <TextField {...field(`method.levels.${i}.from`)} type="number" label={`${LEVEL_LABEL[level]} from score`} required />
              <TextField {...field(`method.reviewIntervalDays.${level}`)} type="number" label={`${LEVEL_LABEL[level]} review every (days)`} required />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <SelectField {...field('method.appetite')} label="Risk appetite" required options={RISK_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))} hint="Residual risk above this level needs an approver’s acceptance." />
        <TextField {...field('method.assessmentReviewDays')} type="number" label="Impact assessment review every (days)" required />
      </div>
      <TextAreaField {...field('reason')} label="Reason for the change" required rows={2} hint="Recorded with the new version and in the methodology document." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Saving…">
          Save as version {current.version + 1}
        </SubmitButton>
      </div>
    </Form>
  );
}
