import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RANKING_FACTORS, WaveSettingsInputSchema, type WaveSettingsOutput } from '../../../../src/contracts/inventory.contracts.js';
import { changeWaveSettings } from '../../api/inventory.api.js';
import { DateTime } from '../../components/date-time.js';
import { Form, SubmitButton, TextAreaField, TextField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { useSession } from '../../session/session-context.js';
import { numberOrText } from './inventory-forms.js';
import { RANKING_FACTOR_LABEL } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

/** What each factor is derived from, as docs/wave-ranking.md documents it (the server computes it). */
const FACTOR_BASIS: Record<string, string> = {
  impactOnPeople: "the system's impact on people",
  safety: "the system's safety impact",
  complianceExposure: 'the tier of its current EU AI Act screening',
  scale: 'people affected a year and decisions a month',
  autonomy: 'its autonomy level and human oversight',
};

type Values = Record<`weights.${(typeof RANKING_FACTORS)[number]}` | 'wave1Threshold' | 'wave1MaxSize' | 'reason', string>;

function valuesOf(s: WaveSettingsOutput): Values {
  return {
    'weights.impactOnPeople': String(s.weights.impactOnPeople),
    'weights.safety': String(s.weights.safety),
    'weights.complianceExposure': String(s.weights.complianceExposure),
    'weights.scale': String(s.weights.scale),
    'weights.autonomy': String(s.weights.autonomy),
    wave1Threshold: String(s.wave1Threshold),
    wave1MaxSize: String(s.wave1MaxSize),
    reason: '',
  };
}

function toInput(v: Values) {
  return {
    weights: Object.fromEntries(RANKING_FACTORS.map((f) => [f, numberOrText(v[`weights.${f}`])])),
    wave1Threshold: numberOrText(v.wave1Threshold),
    wave1MaxSize: numberOrText(v.wave1MaxSize),
    ...(v.reason.trim() ? { reason: v.reason } : {}),
  };
}

/**
 * The ranking method's weights and wave-1 limits. Everyone who sees the inventory sees them;
 * `system:rank` may store a new version, which applies at once (scores are derived on every read).
 */
export function WaveSettingsPanel({ settings, onClose }: { settings: WaveSettingsOutput; onClose: () => void }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const initial = useMemo(() => valuesOf(settings), [settings]);
  const form = useZodForm(WaveSettingsInputSchema, initial, { toInput });
  const [saved, setSaved] = useState<WaveSettingsOutput | null>(null);
  const editable = can('system:rank');

  const submit = form.handleSubmit(async (input) => {
    const stored = await changeWaveSettings(input);
    await invalidateInventory(queryClient);
    setSaved(stored);
  });

  return (
    <div id="inventory-waves" className="inventory-settings">
      <h3 className="panel__subtitle">How systems are ranked</h3>
      <p>
        Each system gets five factor values between 0 and 1; its score is their weighted mean times 100. Unknown values count as the midpoint, so missing data never pushes a system into a late wave. The method is
        documented in the OpenAIMS source under <code>docs/wave-ranking.md</code>; the{' '}
        <a href="/api/docs#/ranking" target="_blank" rel="noopener">
          API reference<span className="visually-hidden"> (opens in a new tab)</span>
        </a>{' '}
        describes the settings.
      </p>
      <p className="muted">
        Version {settings.version}
        {settings.version === 0 ? ' (the defaults)' : null}
        {settings.createdAt ? (
          <>
            , stored <DateTime iso={settings.createdAt} /> by {settings.createdBy}
          </>
        ) : null}
        {settings.reason ? `: “${settings.reason}”` : null}
      </p>
      {saved ? <Notice tone="ok">Version {saved.version} stored; every score now uses it.</Notice> : null}
      {editable ? (
        <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Wave ranking settings">
          <fieldset className="fieldset">
            <legend>Weights (0 to 10)</legend>
            {form.errors.weights ? (
              <p className="field__error">
                <span aria-hidden="true">⚠ </span>Weights: {form.errors.weights}
              </p>
            ) : null}
            <div className="form-grid">
              {RANKING_FACTORS.map((f) => (
                <TextField key={f} {...form.field(`weights.${f}`)} label={RANKING_FACTOR_LABEL[f] ?? f} type="number" hint={`From ${FACTOR_BASIS[f] ?? f}.`} />
              ))}
            </div>
          </fieldset>
          <div className="form-grid">
            <TextField {...form.field('wave1Threshold')} label="Wave 1 threshold" type="number" hint="Minimum score (0 to 100) to be proposed for wave 1." />
            <TextField {...form.field('wave1MaxSize')} label="Wave 1 size" type="number" hint="At most this many systems in the proposal (1 to 500)." />
          </div>
          <TextAreaField {...form.field('reason')} label="Why the change" required={false} rows={2} />
          <div className="form-actions">
            <SubmitButton busy={form.submitting} busyLabel="Storing…">
              Store new version
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Close
            </button>
          </div>
        </Form>
      ) : (
        <>
          <dl className="details">
            {RANKING_FACTORS.map((f) => (
              <div key={f} className="inventory-details__pair">
                <dt>{RANKING_FACTOR_LABEL[f]}</dt>
                <dd>
                  weight {settings.weights[f]} <span className="muted">(from {FACTOR_BASIS[f]})</span>
                </dd>
              </div>
            ))}
            <div className="inventory-details__pair">
              <dt>Wave 1</dt>
              <dd>
                score at least {settings.wave1Threshold}, at most {settings.wave1MaxSize} systems
              </dd>
            </div>
          </dl>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </>
      )}
    </div>
  );
}
