import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SystemOutput } from '../../../../src/contracts/inventory.contracts.js';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { importSystemsCsv } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { FileField, Form, SubmitButton } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { Link } from '../../router/router.js';
import { systemPath } from './inventory-labels.js';
import { invalidateInventory } from './invalidate.js';

// As documented for POST /systems/import (docs/inventory.md, "CSV import").
const COLUMNS = [
  'name', 'purpose', 'intendedUse', 'foreseeableMisuse', 'businessObjectives', 'successMetrics', 'ownerEmail', 'businessUnit', 'regions', 'lifecycleStage', 'organizationRoles',
  'affectedStakeholders', 'decisionsAndOutputs', 'autonomyLevel', 'humanOversight', 'regulatoryExposure', 'inAimsScope', 'impactOnPeople', 'safetyImpact', 'peopleAffected', 'decisionsPerMonth', 'models',
];

interface RowProblem {
  key: string;
  row: string;
  column: string;
  reason: string;
}

/** The server lists every problem in `details.rows` ({ row, column, reason }; row 1 is the header), else names fields. */
function problemsOf(error: unknown): RowProblem[] {
  if (!(error instanceof ApiError)) return [];
  const rows = error.details.rows;
  if (Array.isArray(rows) && rows.length > 0) {
    return rows.map((r: unknown, i) => {
      const { row, column, reason } = (r ?? {}) as Record<string, unknown>;
      return { key: `${i}`, row: String(row ?? '—'), column: String(column ?? ''), reason: String(reason ?? '') };
    });
  }
  return error.fields.map((f, i) => ({ key: `${i}`, row: '—', column: f.field, reason: f.reason }));
}

/** Systems from a CSV file: all rows are registered, or none; every bad row and column is listed. */
export function SystemImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [created, setCreated] = useState<SystemOutput[] | null>(null);
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
    setCreated(null);
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
      const result = await importSystemsCsv(await file.text());
      await invalidateInventory(queryClient);
      setCreated(result.created);
    } catch (error) {
      const rows = problemsOf(error);
      setProblems(rows);
      setFormError(rows.length > 0 ? `Nothing was imported: the file has ${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}, listed below.` : errorMessage(error));
      if (rows.length === 0) setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={panelRef} id="inventory-csv" className="panel inventory-panel--action" aria-labelledby="inventory-csv-title">
      <h2 id="inventory-csv-title" className="panel__title">
        Import AI systems from CSV
      </h2>
      <p className="muted">
        A header row naming columns among{' '}
        {COLUMNS.map((c, i) => (
          <span key={c}>
            {i > 0 ? ', ' : ''}
            <code>{c}</code>
          </span>
        ))}
        . <code>name</code>, <code>purpose</code> and <code>organizationRoles</code> are required. Lists are separated by semicolons; <code>ownerEmail</code> names a member and <code>models</code> names models of the inventory. Every row is checked first: all are imported, or none.
      </p>
      {created ? (
        <Notice tone="ok" title={`${created.length} ${created.length === 1 ? 'system' : 'systems'} imported`}>
          <ul className="inventory-plain-list">
            {created.map((s) => (
              <li key={s.id}>
                <Link to={systemPath(s.id)}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} error={formError} attempt={attempt} label="Import AI systems from CSV">
        <FileField
          name="file"
          label="CSV file"
          required
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          hint="UTF-8, comma-separated, one system per row."
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
