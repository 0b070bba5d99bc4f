import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { MoveStageInputSchema, type SystemDetailOutput } from '../../../../src/contracts/inventory.contracts.js';
import { LIFECYCLE_STAGES } from '../../../../src/domain/inventory/inventory-terms.js';
import { moveSystemStage } from '../../api/inventory.api.js';
import { DateTime } from '../../components/date-time.js';
import { Form, SelectField, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { useSession } from '../../session/session-context.js';
import { STAGE_LABEL } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

/**
 * The lifecycle stage (ISO/IEC 42001 A.6.2) and a move to another one. The rules are the
 * server's: forward one stage at a time, back (or out of retired) only with a reason. Any stage
 * may be chosen here, so a refused jump comes back with the server's reason under the field.
 */
export function SystemStagePanel({ system }: { system: SystemDetailOutput }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [moved, setMoved] = useState<string | null>(null);
  const initial = useMemo(() => ({ stage: '', reason: '' }), []);
  const form = useZodForm(MoveStageInputSchema, initial);
  const submit = form.handleSubmit(async (input) => {
    const saved = await moveSystemStage(system.id, input);
    await invalidateInventory(queryClient);
    form.reset();
    setMoved(`Moved to ${STAGE_LABEL[saved.lifecycleStage]}.`);
  });
  const choices = LIFECYCLE_STAGES.filter((s) => s !== system.lifecycleStage).map((s) => ({ value: s, label: STAGE_LABEL[s] }));

  return (
    <section className="panel" aria-labelledby="system-stage-title">
      <h2 id="system-stage-title" className="panel__title">
        Lifecycle stage
      </h2>
      <ol className="inventory-stages" aria-label="Lifecycle">
        {LIFECYCLE_STAGES.map((s) => (
          <li key={s} className={s === system.lifecycleStage ? 'inventory-stages__item inventory-stages__item--current' : 'inventory-stages__item'} aria-current={s === system.lifecycleStage ? 'step' : undefined}>
            {STAGE_LABEL[s]}
          </li>
        ))}
      </ol>
      <p className="muted">
        In {STAGE_LABEL[system.lifecycleStage]} since <DateTime iso={system.stageChangedAt} />
        {system.stageReason ? `; last reason given: “${system.stageReason}”` : ''}.
      </p>
      {moved ? <Notice tone="ok">{moved}</Notice> : null}
      {can('system:write') ? (
        <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Move to another stage">
          <div className="form-grid">
            <SelectField {...form.field('stage')} label="Move to" options={choices} placeholder="Choose a stage…" hint="Forward one stage at a time; moving back needs a reason." />
            <TextAreaField {...form.field('reason')} label="Reason" required={false} rows={2} hint="Required to move back, or to retire a system that was never deployed." />
          </div>
          <div className="form-actions">
            <SubmitButton busy={form.submitting} busyLabel="Moving…">
              Move stage
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
