import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { WaveOverrideInputSchema, type SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { overrideWave } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { Form, SelectField, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { useSession } from '../../session/session-context.js';
import { RANKING_FACTOR_LABEL, waveLabel } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

const PROPOSAL = 'proposal';
const WAVE_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((w) => ({ value: String(w), label: waveLabel(w) }));

/** The server's score with each factor and what it was derived from; the wave, and an override with its reason. */
export function SystemRankingPanel({ system }: { system: SystemDetailOutput }) {
  const { can } = useSession();
  const { ranking, waveOverride } = system;
  return (
    <section className="panel" aria-labelledby="system-ranking-title">
      <h2 id="system-ranking-title" className="panel__title">
        Certification wave
      </h2>
      <div className="inventory-ranking">
        <p className="inventory-ranking__score">
          <span className="inventory-ranking__value">{ranking.score.toFixed(1)}</span> <span className="muted">score of 100</span>
        </p>
        <p>
          <strong>{waveLabel(ranking.wave)}</strong>
          {waveOverride && waveOverride.wave !== null ? (
            <>
              {' '}
              by override (the method proposes {waveLabel(ranking.proposedWave)}): “{waveOverride.reason}”, {waveOverride.by}, <DateTime iso={waveOverride.at} />
            </>
          ) : (
            <> as proposed by the ranking method (settings version {ranking.settingsVersion})</>
          )}
          {waveOverride && waveOverride.wave === null ? (
            <span className="muted">
              {' '}
              Returned to the proposal: “{waveOverride.reason}”, {waveOverride.by}, <DateTime iso={waveOverride.at} />
            </span>
          ) : null}
        </p>
      </div>
      <DataTable
        caption="Ranking factors"
        columns={[
          { id: 'factor', header: 'Factor', cell: (f) => RANKING_FACTOR_LABEL[f.factor] ?? f.factor },
          { id: 'weight', header: 'Weight', align: 'end', cell: (f) => f.weight },
          { id: 'value', header: 'Value (0–1)', align: 'end', cell: (f) => f.value.toFixed(2) },
          { id: 'basis', header: 'Derived from', cell: (f) => f.basis },
        ]}
        rows={ranking.factors}
        rowKey={(f) => f.factor}
      />
      {can('system:rank') ? <WaveOverrideForm system={system} /> : null}
    </section>
  );
}

function WaveOverrideForm({ system }: { system: SystemDetailOutput }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const initial = useMemo(() => ({ wave: '', reason: '' }), []);
  const form = useZodForm(WaveOverrideInputSchema, initial, {
    toInput: (v) => ({ wave: v.wave === PROPOSAL ? null : v.wave ? Number(v.wave) : undefined, reason: v.reason }),
  });
  const submit = form.handleSubmit(async (input) => {
    await overrideWave(system.id, input);
    await invalidateInventory(queryClient);
    form.reset();
    setDone(input.wave === null ? 'Returned to the proposal.' : `Put in ${waveLabel(input.wave)}.`);
  });
  const choices = [...WAVE_CHOICES, ...(system.waveOverride?.wave != null ? [{ value: PROPOSAL, label: 'Back to the proposal' }] : [])];
  return (
    <>
      <h3 className="panel__subtitle">Override the proposal</h3>
      {done ? <Notice tone="ok">{done}</Notice> : null}
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Override the wave">
        <div className="form-grid">
          <SelectField {...form.field('wave')} label="Wave" options={choices} placeholder="Choose a wave…" />
          <TextAreaField {...form.field('reason')} label="Reason" rows={2} hint="Required: what the score does not know (a regulator's expectation, an audit date, a replacement)." />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Saving…">
            Override wave
          </SubmitButton>
        </div>
      </Form>
    </>
  );
}
