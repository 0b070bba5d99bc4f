import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { IssueSoaInputSchema, type SoaControlOutput, type SoaVersionOutput } from '../../../../src/contracts/soa.contracts.js';
import { ApiError, type FieldError } from '../../api/api-error.js';
import { issueSoaVersion } from '../../api/soa.api.js';
import { Form, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { Link } from '../../router/router.js';
import { controlFieldLabel, controlPath } from './soa-labels.js';

interface Blocker {
  controlId: string;
  problems: Array<{ field: string; reason: string }>;
}

/** The server names each blocker `controls.<control id>.<field>`; grouped here by control, in its order. */
export function groupBlockers(fields: readonly FieldError[]): { blockers: Blocker[]; other: FieldError[] } {
  const blockers: Blocker[] = [];
  const other: FieldError[] = [];
  for (const f of fields) {
    const match = /^controls\.(A\.[\d.]+)\.(\w+)$/.exec(f.field);
    if (!match) {
      other.push(f);
      continue;
    }
    const [, controlId = '', field = ''] = match;
    let group = blockers.find((b) => b.controlId === controlId);
    if (!group) blockers.push((group = { controlId, problems: [] }));
    group.problems.push({ field, reason: f.reason });
  }
  return { blockers, other };
}

interface SoaIssuePanelProps {
  draftNumber: number;
  controls: readonly SoaControlOutput[];
  onIssued: (version: SoaVersionOutput) => void;
  onClose: () => void;
}

/** An approver freezes the draft; the server refuses while controls are undecided, unjustified or unowned, and says which. */
export function SoaIssuePanel({ draftNumber, controls, onIssued, onClose }: SoaIssuePanelProps) {
  const queryClient = useQueryClient();
  const form = useZodForm(IssueSoaInputSchema, { note: '' });
  const [blockers, setBlockers] = useState<Blocker[]>([]);
  const blockersRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const titleOf = new Map(controls.map((c) => [c.controlId, c.title]));

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, []);
  useEffect(() => {
    if (blockers.length > 0) blockersRef.current?.focus();
  }, [blockers]);

  const submit = form.handleSubmit(async (input) => {
    setBlockers([]);
    try {
      const issued = await issueSoaVersion(input);
      await queryClient.invalidateQueries({ queryKey: ['soa'] });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
      onIssued(issued);
    } catch (error) {
      const grouped = error instanceof ApiError ? groupBlockers(error.fields) : { blockers: [], other: [] };
      if (grouped.blockers.length === 0) throw error;
      setBlockers(grouped.blockers);
      form.setFormError(`Version ${draftNumber} cannot be issued yet: ${grouped.blockers.length} ${grouped.blockers.length === 1 ? 'control needs' : 'controls need'} attention. Nothing was issued.`);
    }
  });

  return (
    <section ref={panelRef} id="soa-issue" className="panel panel--action" aria-labelledby="soa-issue-title">
      <h2 id="soa-issue-title" className="panel__title">
        Issue version {draftNumber}
      </h2>
      <p className="muted">
        Issuing freezes the draft as it stands, statuses included, with its SHA-256. Every control must be decided and justified, and every applicable control owned (ISO/IEC 42001 6.1.3 d). Later changes open version {draftNumber + 1}.
      </p>
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={`Issue version ${draftNumber}`}>
        <TextAreaField {...form.field('note')} label="Note for the record" required={false} hint="What this version changes, for whoever reads the trail." />
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Issuing…">
            Issue version {draftNumber}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </Form>
      {blockers.length > 0 ? (
        <div className="blockers">
          <h3 ref={blockersRef} tabIndex={-1} className="panel__subtitle">
            What stops version {draftNumber} ({blockers.length} {blockers.length === 1 ? 'control' : 'controls'})
          </h3>
          <ul className="blockers__list">
            {blockers.map((b) => (
              <li key={b.controlId} className="blockers__item">
                <Link to={controlPath(b.controlId)} className="blockers__control">
                  {b.controlId} {titleOf.get(b.controlId) ?? ''}
                </Link>
                <ul className="blockers__problems">
                  {b.problems.map((p) => (
                    <li key={p.field}>
                      <strong>{controlFieldLabel(p.field)}:</strong> {p.reason}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
