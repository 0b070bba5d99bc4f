import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { linkEvidence, listEvidence } from '../../api/evidence.api.js';
import { acceptSoaEvidence, withdrawSoaEvidence } from '../../api/soa.api.js';
import { Breakable } from '../../components/breakable.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { DateTime } from '../../components/date-time.js';
import { EmptyState } from '../../components/empty-state.js';
import { Form, SelectField, SubmitButton, TextAreaField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate, hashPrefix } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';

type EvidenceRef = SoaControlOutput['evidence'][number];

/** Everything that shows a control's evidence or status changes when evidence moves. */
async function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  await queryClient.invalidateQueries({ queryKey: ['soa'] });
  await queryClient.invalidateQueries({ queryKey: ['evidence'] });
  await queryClient.invalidateQueries({ queryKey: ['crosswalks', 'coverage'] });
  await queryClient.invalidateQueries({ queryKey: ['trail'] });
}

/**
 * The evidence linked to a control: approvers accept it as proof (never their own upload: the
 * server enforces segregation of duties and says so) or withdraw an acceptance; members who link
 * evidence attach an existing item here.
 */
export function ControlEvidencePanel({ control }: { control: SoaControlOutput }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const approve = can('soa:approve');

  const withdraw = async (e: EvidenceRef) => {
    setBusy(e.evidenceId);
    setMessage(null);
    try {
      await withdrawSoaEvidence(control.controlId, e.evidenceId);
      await refresh(queryClient);
      setMessage({ tone: 'ok', text: `Acceptance of “${e.title}” withdrawn.` });
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<EvidenceRef>[] = [
    { id: 'title', header: 'Evidence', sortValue: (e) => e.title, cell: (e) => <Link to={`/evidence/${e.evidenceId}`}>{e.title}</Link> },
    { id: 'sha256', header: 'SHA-256', filterText: (e) => e.sha256, cell: (e) => <code title={e.sha256}>{hashPrefix(e.sha256)}</code> },
    {
      id: 'validity',
      header: 'Valid',
      sortValue: (e) => e.validUntil,
      cell: (e) =>
        e.validFrom || e.validUntil ? (
          <span>
            <span className="nowrap">{e.validFrom ? formatDate(e.validFrom) : 'Any time'}</span> – <span className="nowrap">{e.validUntil ? formatDate(e.validUntil) : 'no end'}</span>
          </span>
        ) : (
          <span className="muted">No limits</span>
        ),
    },
    {
      id: 'accepted',
      header: 'Accepted',
      breakable: true,
      sortValue: (e) => e.acceptedAt,
      cell: (e) =>
        e.acceptedAt ? (
          <span>
            <DateTime iso={e.acceptedAt} />{' '}
            <span className="muted">
              by <Breakable text={e.acceptedBy ?? 'unknown'} />
            </span>
            {e.acceptanceNote ? (
              <span className="acceptance-note">
                <span className="visually-hidden">Note: </span>“{e.acceptanceNote}”
              </span>
            ) : null}
          </span>
        ) : (
          <span className="muted">Not accepted</span>
        ),
    },
    {
      id: 'current',
      header: 'Counts today',
      sortValue: (e) => (e.current ? 1 : 0),
      cell: (e) => (e.current ? <StatusBadge tone="ok">Current</StatusBadge> : <StatusBadge tone="neutral">{e.acceptedAt ? 'Not valid today' : 'Not yet'}</StatusBadge>),
    },
  ];
  if (approve) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      actions: true,
      cell: (e) =>
        e.acceptedAt ? (
          <button type="button" className="button button--danger-ghost button--small" disabled={busy === e.evidenceId} onClick={() => void withdraw(e)}>
            Withdraw<span className="visually-hidden"> acceptance of {e.title}</span>
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={accepting === e.evidenceId}
            aria-controls={accepting === e.evidenceId ? `accept-${e.evidenceId}` : undefined}
            onClick={() => {
              setMessage(null);
              setAccepting((open) => (open === e.evidenceId ? null : e.evidenceId));
            }}
          >
            Accept<span className="visually-hidden"> {e.title}</span>
          </button>
        ),
    });
  }

  return (
    <section className="panel" aria-labelledby="control-evidence-title">
      <h2 id="control-evidence-title" className="panel__title">
        Evidence
      </h2>
      <p className="muted">A control is implemented when an approver has accepted at least one piece of its evidence and that evidence is valid today.</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <DataTable
        caption={`Evidence for ${control.controlId}`}
        columns={columns}
        rows={control.evidence}
        rowKey={(e) => e.evidenceId}
        rowDetail={(e) =>
          accepting === e.evidenceId ? (
            <AcceptForm
              controlId={control.controlId}
              evidence={e}
              onDone={(text) => {
                setAccepting(null);
                setMessage({ tone: 'ok', text });
              }}
              onCancel={() => setAccepting(null)}
            />
          ) : null
        }
        empty={<EmptyState title="No evidence linked" body="Link a policy, record or test result that shows this control operates." />}
      />
      {can('evidence:link') ? <LinkEvidenceForm control={control} /> : null}
    </section>
  );
}

function AcceptForm({ controlId, evidence, onDone, onCancel }: { controlId: string; evidence: EvidenceRef; onDone: (text: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await acceptSoaEvidence(controlId, evidence.evidenceId, { note: note.trim() === '' ? null : note });
      await refresh(queryClient);
      onDone(`“${evidence.title}” accepted as proof of ${controlId}.`);
    } catch (cause) {
      setError(errorMessage(cause));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div id={`accept-${evidence.evidenceId}`}>
      <p className="change__title">
        Accept “{evidence.title}” as proof of {controlId}?
      </p>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        error={error}
        attempt={attempt}
        label={`Accept ${evidence.title}`}
      >
        <TextAreaField name="note" label="Note" required={false} rows={2} value={note} onValueChange={setNote} hint="What you checked, for the record." />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Accepting…">
            Accept evidence
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </Form>
    </div>
  );
}

/** Attaches an evidence item that is already stored; new files are uploaded on the evidence page first. */
function LinkEvidenceForm({ control }: { control: SoaControlOutput }) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const [evidenceId, setEvidenceId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const evidence = useQuery({ queryKey: ['evidence', 'list', { for: 'soa-link' }], queryFn: () => listEvidence({}, undefined, 100) });
  const linked = new Set(control.evidence.map((e) => e.evidenceId));
  const options = (evidence.data?.items ?? []).filter((e) => !linked.has(e.id)).map((e) => ({ value: e.id, label: `${e.title} (${e.fileName})` }));

  const submit = async () => {
    setDone(null);
    if (!evidenceId) {
      setFieldError('is required: choose the evidence to link');
      setFormError('Please correct the highlighted fields.');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await linkEvidence(evidenceId, { entityType: 'soa_control', entityId: control.controlId });
      await refresh(queryClient);
      setDone(`Linked to ${control.controlId}. An approver can now accept it.`);
      setEvidenceId('');
    } catch (error) {
      setFormError(errorMessage(error));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div aria-labelledby={headingId} role="group">
      <h3 id={headingId} className="panel__subtitle">
        Link evidence to {control.controlId}
      </h3>
      {done ? <Notice tone="ok">{done}</Notice> : null}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        error={formError}
        attempt={attempt}
        label={`Link evidence to ${control.controlId}`}
      >
        <SelectField
          name="evidenceId"
          label="Evidence"
          value={evidenceId}
          onValueChange={(v) => {
            setEvidenceId(v);
            setFieldError(undefined);
          }}
          error={fieldError}
          options={options}
          placeholder={evidence.isPending ? 'Loading…' : options.length ? 'Choose stored evidence' : 'No unlinked evidence stored'}
          hint={
            <>
              Not stored yet? <Link to="/evidence#upload">Upload it on the evidence page</Link>, then link it here.
            </>
          }
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Linking…">
            Link evidence
          </SubmitButton>
        </div>
      </Form>
    </div>
  );
}
