import { TrailQuerySchema } from '../../../../src/contracts/trail.contracts.js';
import type { TrailFilter } from '../../api/trail.api.js';
import { Form, TextField } from '../../components/form-fields.js';
import { omitBlank, useZodForm } from '../../components/use-zod-form.js';
import { localInputToIso } from '../../lib/format.js';

type FilterValues = { entityType: string; entityId: string; actorId: string; from: string; to: string };

/** An ISO instant as a datetime-local input value in the browser's time zone. */
function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The trail's filters, checked with the same query contract the server parses. */
export function TrailFilters({ value, onApply }: { value: TrailFilter; onApply: (filter: TrailFilter) => void }) {
  const initial: FilterValues = {
    entityType: value.entityType ?? '',
    entityId: value.entityId ?? '',
    actorId: value.actorId ?? '',
    from: isoToLocalInput(value.from),
    to: isoToLocalInput(value.to),
  };
  const form = useZodForm(TrailQuerySchema, initial, {
    toInput: (v) => omitBlank({ ...v, from: localInputToIso(v.from) ?? '', to: localInputToIso(v.to) ?? '' }),
  });
  const submit = form.handleSubmit((q) => onApply({ entityType: q.entityType, entityId: q.entityId, actorId: q.actorId, from: q.from, to: q.to }));
  const clear = () => {
    for (const key of Object.keys(initial) as (keyof FilterValues)[]) form.set(key, '');
    onApply({});
  };
  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Filter the trail" className="form filters">
      <div className="filters__grid">
        <TextField {...form.field('entityType')} label="Entity type" placeholder="e.g. evidence" />
        <TextField {...form.field('entityId')} label="Entity id" />
        <TextField {...form.field('actorId')} label="Actor id" hint="A user or token id." />
        <TextField {...form.field('from')} label="From" type="datetime-local" />
        <TextField {...form.field('to')} label="Before" type="datetime-local" />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          Clear
        </button>
      </div>
    </Form>
  );
}
