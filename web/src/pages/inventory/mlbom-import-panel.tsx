import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, type FieldError } from '../../api/api-error.js';
import { importMlbom, type MlbomImportResult } from '../../api/inventory.api.js';
import { DataTable } from '../../components/data-table.js';
import { FileField, Form, SubmitButton } from '../../components/form-fields.js';
import { Notice } from '../../components/notice.js';
import { humanize } from '../../lib/format.js';
import { invalidateInventory } from './invalidate.js';

/**
 * A CycloneDX ML-BOM (1.5 to 1.7) creates or updates inventory entries. The server validates it
 * against its schema first and names where it fails (a JSON pointer in the message, dotted paths
 * in the fields), so this panel shows both.
 */
export function MlbomImportPanel({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [where, setWhere] = useState<FieldError[]>([]);
  const [result, setResult] = useState<MlbomImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    setWhere([]);
    if (!file) {
      setFileError('is required: choose a CycloneDX JSON file');
      setFormError('Please correct the highlighted fields.');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const imported = await importMlbom(await file.text());
      await invalidateInventory(queryClient);
      setResult(imported);
    } catch (error) {
      setWhere(error instanceof ApiError ? error.fields : []);
      setFormError(`Nothing was imported. ${errorMessage(error)}`);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const changed = result ? result.items.filter((i) => i.action !== 'unchanged').length : 0;
  return (
    <section ref={panelRef} id="inventory-mlbom" className="panel inventory-panel--action" aria-labelledby="inventory-mlbom-title">
      <h2 id="inventory-mlbom-title" className="panel__title">
        Import a CycloneDX ML-BOM
      </h2>
      <p className="muted">
        Models, datasets, systems and suppliers in the BOM are created, or updated when they match a record by its <code>openaims:id</code> or by name. Importing the same BOM twice changes nothing. All or nothing.
      </p>
      {result ? (
        <Notice tone="ok" title={`Import done: ${changed} ${changed === 1 ? 'record' : 'records'} created or updated`}>
          <DataTable
            caption="Imported records"
            columns={[
              { id: 'kind', header: 'Kind', sortValue: (i) => i.kind, cell: (i) => humanize(i.kind) },
              { id: 'name', header: 'Name', sortValue: (i) => i.name, cell: (i) => i.name },
              { id: 'action', header: 'Result', sortValue: (i) => i.action, cell: (i) => humanize(i.action) },
              { id: 'from', header: 'From the BOM', cell: (i) => <code>{i.from}</code> },
            ]}
            rows={result.items}
            rowKey={(i) => `${i.kind}-${i.id}`}
          />
        </Notice>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} error={formError} attempt={attempt} label="Import a CycloneDX ML-BOM">
        <FileField
          name="file"
          label="CycloneDX JSON file"
          required
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          hint="A .cdx.json or .json file, CycloneDX 1.5, 1.6 or 1.7."
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
      {where.length > 0 ? (
        <>
          <h3 className="panel__subtitle">Where the BOM fails</h3>
          <DataTable
            caption="Where the BOM fails"
            columns={[
              { id: 'field', header: 'Where', cell: (f) => <code>{f.field}</code> },
              { id: 'reason', header: 'Problem', cell: (f) => f.reason },
            ]}
            rows={where.map((f, i) => ({ ...f, key: String(i) }))}
            rowKey={(f) => f.key}
          />
        </>
      ) : null}
    </section>
  );
}
