import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { RISK_KEYS, importRisksCsv } from '../../api/risk.api.js';
import { DataTable } from '../../components/data-table.js';
import { FileField, Form, SubmitButton } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { rowProblems } from '../soa/soa-import-panel.js';

type RowProblem = ReturnType<typeof rowProblems>[number];

const REQUIRED = ['system', 'title', 'owner_email', 'likelihood', 'severity', 'stakeholder_impact'];
const OPTIONAL = ['description', 'source'];

/** Registers risks from a CSV file: all rows or none; the server names each bad row and column. */
export function RiskImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [imported, setImported] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const problemsRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
  }, []);
  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.focus();
  }, [problems]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setImported(null);
    setProblems([]);
    if (!file) {
      setFileError('is required: choose a CSV file');
      setFormError('Please correct the highlighted fields.');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const result = await importRisksCsv(await file.text());
      await queryClient.invalidateQueries({ queryKey: RISK_KEYS.all });
      await queryClient.invalidateQueries({ queryKey: RISK_KEYS.reviews });
      setImported(result.imported);
    } catch (error) {
      const rows = error instanceof ApiError ? rowProblems(error.fields) : [];
      setProblems(rows);
      setFormError(rows.length > 0 ? `Nothing was imported: the file has ${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}, listed below.` : errorMessage(error));
      if (rows.length === 0) setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={panelRef} id="risk-import" className="panel panel--action" aria-labelledby="risk-import-title">
      <h2 id="risk-import-title" className="panel__title">
        Import risks from CSV
      </h2>
      <p className="muted">
        The header row needs <Codes names={REQUIRED} /> and may have <Codes names={OPTIONAL} />. Systems are named, owners given by email; the server scores every row with the method in force. All rows are registered, or none.
      </p>
      {imported !== null ? (
        <Notice tone="ok" title="Import done">
          {imported} {imported === 1 ? 'risk' : 'risks'} registered and scored by the server.
        </Notice>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} error={formError} attempt={attempt} label="Import risks from CSV">
        <FileField
          name="file"
          label="CSV file"
          required
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          hint="UTF-8, comma-separated, one row per risk, at most 1000 rows."
        />
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel="Importing…">
            Import
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </Form>
      {problems.length > 0 ? (
        <>
          <h3 ref={problemsRef} tabIndex={-1} className="panel__subtitle">
            Problems in the file
          </h3>
          <DataTable
            caption="Import problems"
            columns={[
              { id: 'row', header: 'Row', align: 'end', cell: (p) => p.row },
              { id: 'column', header: 'Column', cell: (p) => <code>{p.column}</code> },
              { id: 'reason', header: 'Problem', cell: (p) => p.reason },
            ]}
            rows={problems}
            rowKey={(p) => p.key}
          />
        </>
      ) : null}
    </section>
  );
}

function Codes({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 ? (i === names.length - 1 ? ' and ' : ', ') : ''}
          <code>{name}</code>
        </span>
      ))}
    </>
  );
}
