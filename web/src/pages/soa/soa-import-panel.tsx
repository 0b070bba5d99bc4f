import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SOA_CSV_IMPORTED, type SoaImportResult } from '../../../../src/contracts/soa.contracts.js';
import { ApiError, errorMessage, type FieldError } from '../../api/api-error.js';
import { importSoaCsv } from '../../api/soa.api.js';
import { DataTable } from '../../components/data-table.js';
import { FileField, Form, SubmitButton } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';

interface RowProblem {
  key: string;
  row: string;
  column: string;
  reason: string;
}

/** The server names each problem `row N.<column>` (row 1 is the header); anything else is shown whole. */
export function rowProblems(fields: readonly FieldError[]): RowProblem[] {
  return fields.map((f, i) => {
    const match = /^row (\d+)\.(.+)$/.exec(f.field);
    return { key: `${i}`, row: match?.[1] ?? '—', column: match?.[2] ?? f.field, reason: f.reason };
  });
}

/** Tailoring from a CSV file: every row is applied, or none is; the server names each bad row and column. */
export function SoaImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [result, setResult] = useState<SoaImportResult | null>(null);
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
    setResult(null);
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
      const imported = await importSoaCsv(await file.text());
      await queryClient.invalidateQueries({ queryKey: ['soa'] });
      await queryClient.invalidateQueries({ queryKey: ['trail'] });
      setResult(imported);
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
    <section ref={panelRef} id="soa-import" className="panel panel--action" aria-labelledby="soa-import-title">
      <h2 id="soa-import-title" className="panel__title">
        Import decisions from CSV
      </h2>
      <p className="muted">
        The file needs a header row with <code>control_id</code> and <code>applicability</code>, and may have {SOA_CSV_IMPORTED.slice(2).map((c, i) => (
          <span key={c}>
            {i > 0 ? ', ' : ''}
            <code>{c}</code>
          </span>
        ))}
        . A CSV export of this SoA can be edited and imported back; its status columns are ignored, because statuses are derived. All rows are applied, or none.
      </p>
      {result ? (
        <Notice tone="ok" title="Import done">
          {result.rowsRead} {result.rowsRead === 1 ? 'row' : 'rows'} read: {result.controlsChanged} {result.controlsChanged === 1 ? 'control' : 'controls'} changed, {result.controlsUnchanged} unchanged.
        </Notice>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} error={formError} attempt={attempt} label="Import decisions from CSV">
        <FileField
          name="file"
          label="CSV file"
          required
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          hint="UTF-8, comma-separated, one row per control."
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
