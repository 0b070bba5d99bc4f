import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { SetResponsibilityInputSchema, SOA_HOLDERS, type SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { linkEvidence } from '../../api/evidence.api.js';
import { removeSoaResponsibility, setSoaResponsibility } from '../../api/soa.api.js';
import { listSuppliers } from '../../api/suppliers.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Form, SelectField, SubmitButton, TextField } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { formatDate } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { HOLDER_LABEL } from './soa-labels.js';

type Share = SoaControlOutput['responsibilities'][number];
type Message = { tone: 'ok' | 'danger'; text: string } | null;

async function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  await queryClient.invalidateQueries({ queryKey: ['soa'] });
  await queryClient.invalidateQueries({ queryKey: ['evidence'] });
  await queryClient.invalidateQueries({ queryKey: ['trail'] });
}

const supplierHolds = (share: Share) => share.holder !== 'ours';

/**
 * The shared-responsibility matrix for one control (A.10.3): per supplier or third-party model,
 * whether the control is ours, theirs or shared. The server derives what follows from it: a
 * supplier-held share needs a contract reference, and valid supplier evidence for the control to
 * count as implemented.
 */
export function ControlResponsibilityPanel({ control }: { control: SoaControlOutput }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const held = control.responsibilities.filter(supplierHolds);

  const remove = async (share: Share) => {
    setBusy(share.supplierId);
    setMessage(null);
    try {
      await removeSoaResponsibility(control.controlId, share.supplierId);
      await refresh(queryClient);
      setMessage({ tone: 'ok', text: `${share.supplierName} no longer has a share of ${control.controlId}.` });
    } catch (error) {
      setMessage({ tone: 'danger', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<Share>[] = [
    { id: 'supplier', header: 'Supplier', sortValue: (s) => s.supplierName, cell: (s) => s.supplierName },
    { id: 'holder', header: 'Held by', sortValue: (s) => s.holder, cell: (s) => HOLDER_LABEL[s.holder] },
    { id: 'contract', header: 'Contract reference', sortValue: (s) => s.contractReference, cell: (s) => s.contractReference ?? <span className="muted">None</span> },
    { id: 'evidence', header: 'Supplier evidence', filterText: (s) => s.evidence.map((e) => e.title).join(' '), cell: (s) => <SupplierEvidenceList share={s} /> },
  ];
  if (can('soa:write')) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      actions: true,
      cell: (s) => (
        <button type="button" className="button button--danger-ghost button--small" disabled={busy === s.supplierId} onClick={() => void remove(s)}>
          Remove<span className="visually-hidden"> {s.supplierName} from {control.controlId}</span>
        </button>
      ),
    });
  }

  return (
    <section className="panel" aria-labelledby="control-responsibility-title">
      <h2 id="control-responsibility-title" className="panel__title">
        Shared responsibility
      </h2>
      <p className="muted">
        For each supplier or third-party model, say who holds this control: we do, the supplier does, or it is shared. A control the supplier holds, alone or shared, needs the contract
        reference that assigns it, and <strong>counts as implemented only while supplier evidence is valid today</strong>: evidence linked both to this control and to the supplier.
        When that evidence expires, the control turns to needs review.
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <DataTable
        caption={`Supplier shares of ${control.controlId}`}
        columns={columns}
        rows={control.responsibilities}
        rowKey={(s) => s.supplierId}
        empty={<EmptyState title="No supplier shares" body="This control is wholly ours. Add a supplier when a supplier or third-party model carries part of it." />}
      />
      {can('soa:write') ? <ShareForm control={control} onDone={setMessage} /> : null}
      {can('evidence:link') && held.length > 0 ? <SupplierEvidenceForm control={control} shares={held} /> : null}
    </section>
  );
}

function SupplierEvidenceList({ share }: { share: Share }) {
  if (share.evidence.length === 0) {
    return supplierHolds(share) ? <StatusBadge tone="warn">None yet: needed</StatusBadge> : <span className="muted">Not needed: ours</span>;
  }
  return (
    <ul className="supplier-evidence">
      {share.evidence.map((e) => (
        <li key={e.evidenceId}>
          <Link to={`/evidence/${e.evidenceId}`}>{e.title}</Link>{' '}
          <span className="muted nowrap">
            {e.validFrom ? formatDate(e.validFrom) : 'any time'} – {e.validUntil ? formatDate(e.validUntil) : 'no end'}
          </span>{' '}
          {e.current ? <StatusBadge tone="ok">Valid today</StatusBadge> : <StatusBadge tone="warn">Not valid today</StatusBadge>}
        </li>
      ))}
    </ul>
  );
}

const HOLDER_OPTIONS = SOA_HOLDERS.map((h) => ({ value: h, label: HOLDER_LABEL[h] }));
const EMPTY = { supplierId: '', holder: '', contractReference: '' };

/** Adds a supplier's share or changes it; choosing a supplier that already has one loads it. */
function ShareForm({ control, onDone }: { control: SoaControlOutput; onDone: (message: Message) => void }) {
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: ['suppliers', 'list'], queryFn: listSuppliers });
  const form = useZodForm(SetResponsibilityInputSchema, EMPTY, {
    toInput: (v) => ({ ...(v.holder ? { holder: v.holder } : {}), ...(v.contractReference.trim() ? { contractReference: v.contractReference } : {}) }),
    check: (v) => ({ supplierId: v.supplierId ? undefined : 'is required: choose the supplier' }),
  });
  const headingId = useId();
  const supplier = suppliers.data?.find((s) => s.id === form.values.supplierId);
  const existing = control.responsibilities.find((s) => s.supplierId === form.values.supplierId);
  const options = useMemo(() => (suppliers.data ?? []).map((s) => ({ value: s.id, label: control.responsibilities.some((r) => r.supplierId === s.id) ? `${s.name} (has a share)` : s.name })), [suppliers.data, control.responsibilities]);

  const choose = (supplierId: string) => {
    form.set('supplierId', supplierId);
    const share = control.responsibilities.find((s) => s.supplierId === supplierId);
    form.set('holder', share?.holder ?? '');
    form.set('contractReference', share?.contractReference ?? '');
  };

  const submit = form.handleSubmit(async (input) => {
    const name = supplier?.name ?? 'The supplier';
    const saved = await setSoaResponsibility(control.controlId, form.values.supplierId, input);
    await refresh(queryClient);
    const under = saved.contractReference ? ` under ${saved.contractReference}` : '';
    const sentence = { ours: `${control.controlId} is ours for ${name}`, supplier: `${name} holds ${control.controlId}${under}`, shared: `${name} shares ${control.controlId} with us${under}` }[saved.holder];
    onDone({ tone: 'ok', text: `${sentence}. Saved in the draft.` });
    form.reset();
  });

  const contractHint =
    form.values.holder === 'ours'
      ? 'Not needed when we hold the control ourselves.'
      : supplier?.contractReference
        ? `Left blank, ${supplier.name}'s contract on record (${supplier.contractReference}) is used.`
        : 'Required unless we hold it: the contract clause that assigns the control to the supplier.';

  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel__subtitle">
        {existing ? `Change ${existing.supplierName}'s share` : 'Add a supplier share'}
      </h3>
      {suppliers.isError ? <Notice tone="danger">Could not load the suppliers: {errorMessage(suppliers.error)}</Notice> : null}
      <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label={`Supplier share of ${control.controlId}`}>
        <div className="form-grid">
          <SelectField
            {...form.field('supplierId')}
            onValueChange={choose}
            label="Supplier"
            options={options}
            placeholder={suppliers.isPending ? 'Loading…' : options.length ? 'Choose a supplier' : 'No suppliers recorded'}
            hint={options.length || suppliers.isPending ? undefined : 'Record suppliers in the inventory first.'}
          />
          <SelectField {...form.field('holder')} label="Held by" options={HOLDER_OPTIONS} placeholder="Choose who holds it" hint="Ours: we operate it. The supplier: they operate it for us. Shared: each operates a part." />
        </div>
        <TextField {...form.field('contractReference')} label="Contract reference" required={form.values.holder === 'ours' || Boolean(supplier?.contractReference) ? false : undefined} hint={contractHint} />
        <div className="form-actions">
          <SubmitButton busy={form.submitting} busyLabel="Saving…">
            {existing ? 'Save share' : 'Add share'}
          </SubmitButton>
        </div>
      </Form>
    </div>
  );
}

/** Marks evidence already linked to the control as a supplier's proof, by linking it to the supplier too. */
function SupplierEvidenceForm({ control, shares }: { control: SoaControlOutput; shares: Share[] }) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const [supplierId, setSupplierId] = useState(shares.length === 1 ? shares[0]!.supplierId : '');
  const [evidenceId, setEvidenceId] = useState('');
  const [errors, setErrors] = useState<{ supplierId?: string; evidenceId?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const share = shares.find((s) => s.supplierId === supplierId);
  const already = new Set(share?.evidence.map((e) => e.evidenceId) ?? []);
  const options = control.evidence.filter((e) => !already.has(e.evidenceId)).map((e) => ({ value: e.evidenceId, label: e.title }));

  const submit = async () => {
    setDone(null);
    const missing = { ...(supplierId ? {} : { supplierId: 'is required: choose the supplier' }), ...(evidenceId ? {} : { evidenceId: 'is required: choose the evidence' }) };
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setFormError('Please correct the highlighted fields.');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await linkEvidence(evidenceId, { entityType: 'supplier', entityId: supplierId });
      await refresh(queryClient);
      const title = control.evidence.find((e) => e.evidenceId === evidenceId)?.title ?? 'The evidence';
      setDone(`“${title}” now counts as ${share?.supplierName ?? 'supplier'} evidence for ${control.controlId} while it is valid.`);
      setEvidenceId('');
    } catch (error) {
      setFormError(errorMessage(error));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel__subtitle">
        Mark supplier evidence
      </h3>
      {done ? <Notice tone="ok">{done}</Notice> : null}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        error={formError}
        attempt={attempt}
        label={`Mark supplier evidence for ${control.controlId}`}
      >
        <div className="form-grid">
          <SelectField
            name="supplierId"
            label="Supplier"
            value={supplierId}
            onValueChange={(v) => {
              setSupplierId(v);
              setErrors((e) => ({ ...e, supplierId: undefined }));
            }}
            error={errors.supplierId}
            options={shares.map((s) => ({ value: s.supplierId, label: s.supplierName }))}
            placeholder="Choose a supplier"
          />
        </div>
        <SelectField
          name="evidenceId"
          label="Evidence"
          value={evidenceId}
          onValueChange={(v) => {
            setEvidenceId(v);
            setErrors((e) => ({ ...e, evidenceId: undefined }));
          }}
          error={errors.evidenceId}
          options={options}
          placeholder={options.length ? 'Choose evidence linked to this control' : 'No other evidence on this control'}
          hint="A supplier's report or certificate, linked to this control in the evidence panel above. Its validity dates decide whether it counts."
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Marking…">
            Mark as supplier evidence
          </SubmitButton>
        </div>
      </Form>
    </div>
  );
}
