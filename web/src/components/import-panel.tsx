import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/api-error.js';
import { FileField, Form, SubmitButton } from './form-fields.js';
import { ProblemsTable, rowProblems, type ImportProblem } from './problems-table.js';

/**
 * How a refused file is reported. `rows`: a CSV's problems by row and column; the problems
 * heading takes focus. `places`: where a document fails (no rows); the form's error takes focus.
 */
export type ImportProblemsKind = { kind: 'rows'; of?: (error: unknown) => ImportProblem[] } | { kind: 'places'; title: string };

interface ImportPanelProps<T> {
  /** The section's id; its heading is `${id}-title`. */
  id: string;
  title: string;
  className?: string;
  intro: ReactNode;
  fileLabel?: string;
  fileHint: string;
  /** The reason shown on the file field when the form is sent without a file. */
  fileMissing?: string;
  /** Sends the file's text and refreshes what it changed; resolves to what is shown when done. */
  upload: (text: string) => Promise<T>;
  done: (result: T) => ReactNode;
  problems?: ImportProblemsKind;
  onClose: () => void;
}

const CSV_PROBLEMS: ImportProblemsKind = { kind: 'rows' };

function csvProblemsOf(error: unknown): ImportProblem[] {
  return error instanceof ApiError ? rowProblems(error.fields) : [];
}

function placesOf(error: unknown): ImportProblem[] {
  return error instanceof ApiError ? error.fields.map((f, i) => ({ key: `${i}`, column: f.field, reason: f.reason })) : [];
}

/** A file picker and upload: the whole file is applied, or nothing; the server's problems are listed. */
export function ImportPanel<T>(props: ImportPanelProps<T>) {
  const { id, title, className = 'panel panel--action', intro, fileLabel = 'CSV file', fileHint, fileMissing = 'is required: choose a CSV file', upload, done, problems: kind = CSV_PROBLEMS, onClose } = props;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [result, setResult] = useState<{ value: T } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const problemsRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const byRow = kind.kind === 'rows';

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
  }, []);
  useEffect(() => {
    if (byRow && problems.length > 0) problemsRef.current?.focus();
  }, [byRow, problems]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setResult(null);
    setProblems([]);
    if (!file) {
      setFileError(fileMissing);
      setFormError('Please correct the highlighted fields.');
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      setResult({ value: await upload(await file.text()) });
    } catch (error) {
      if (kind.kind === 'rows') {
        const rows = (kind.of ?? csvProblemsOf)(error);
        setProblems(rows);
        setFormError(rows.length > 0 ? `Nothing was imported: the file has ${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}, listed below.` : errorMessage(error));
        if (rows.length === 0) setAttempt((n) => n + 1);
      } else {
        setProblems(placesOf(error));
        setFormError(`Nothing was imported. ${errorMessage(error)}`);
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={panelRef} id={id} className={className} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {title}
      </h2>
      <p className="muted">{intro}</p>
      {result ? done(result.value) : null}
      <Form onSubmit={(e) => void submit(e)} error={formError} attempt={attempt} label={title}>
        <FileField
          name="file"
          label={fileLabel}
          required
          error={fileError}
          onFile={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
          hint={fileHint}
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
        kind.kind === 'rows' ? (
          <ProblemsTable problems={problems} title="Problems in the file" caption="Import problems" placeHeader="Column" byRow headingRef={problemsRef} />
        ) : (
          <ProblemsTable problems={problems} title={kind.title} placeHeader="Where" byRow={false} />
        )
      ) : null}
    </section>
  );
}

/** Column names as code, joined by commas (and "and" before the last when `and`). */
export function CodeList({ names, and = false }: { names: readonly string[]; and?: boolean }) {
  return (
    <>
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 ? (and && i === names.length - 1 ? ' and ' : ', ') : ''}
          <code>{name}</code>
        </span>
      ))}
    </>
  );
}
