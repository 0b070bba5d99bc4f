import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  children: ReactNode;
}

/**
 * Label above, hint and error below, wired with aria-describedby so a screen reader hears both.
 * Most fields are required, so only those explicitly marked `required={false}` say "(optional)".
 */
function FieldShell({ id, label, hint, error, required, children }: FieldShellProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required === false ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {children}
      <FieldMessages id={id} label={label} hint={hint} error={error} />
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface BaseFieldProps {
  name: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

export function TextField(props: BaseFieldProps & { type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'number' | 'search'; autoComplete?: string; placeholder?: string; autoFocus?: boolean }) {
  const id = useId();
  const { name, label, value, onValueChange, error, hint, required, disabled, type = 'text', autoComplete, placeholder, autoFocus } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        className="input"
      />
    </FieldShell>
  );
}

export function TextAreaField(props: BaseFieldProps & { rows?: number }) {
  const id = useId();
  const { name, label, value, onValueChange, error, hint, required, disabled, rows = 3 } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        disabled={disabled}
        className="input"
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField(props: BaseFieldProps & { options: readonly SelectOption[]; placeholder?: string }) {
  const id = useId();
  const { name, label, value, onValueChange, error, hint, required, disabled, options, placeholder } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        disabled={disabled}
        className="input"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label beside it; checked is "yes", unchecked "" (form values are strings). */
export function CheckboxField(props: Omit<BaseFieldProps, 'required'>) {
  const id = useId();
  const { name, label, value, onValueChange, error, hint, disabled } = props;
  return (
    <div className={`field field--check${error ? ' field--invalid' : ''}`}>
      <div className="check">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={value === 'yes'}
          onChange={(e) => onValueChange(e.target.checked ? 'yes' : '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          disabled={disabled}
          className="check__input"
        />
        <label htmlFor={id} className="check__label">
          {label}
        </label>
      </div>
      <FieldMessages id={id} label={label} hint={hint} error={error} />
    </div>
  );
}

/** A file picker; files are not part of a JSON contract, so its error is the caller's. */
export function FileField(props: { name: string; label: string; onFile: (file: File | null) => void; error?: string | undefined; hint?: ReactNode; required?: boolean; inputKey?: number }) {
  const id = useId();
  const { name, label, onFile, error, hint, required, inputKey } = props;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        key={inputKey}
        id={id}
        name={name}
        type="file"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-required={required || undefined}
        className="input input--file"
      />
    </FieldShell>
  );
}

interface FormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Form-level message (validation summary or server refusal). */
  error: string | null;
  /** Bumped on every failed submit: focus moves to the first invalid field. */
  attempt: number;
  label: string;
  children: ReactNode;
  className?: string;
}

/** A form with an error summary; after a failed submit, focus goes to the first invalid field. */
export function Form({ onSubmit, error, attempt, label, children, className }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0 || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? ref.current.querySelector<HTMLElement>('.form-alert');
    target?.focus();
  }, [attempt]);
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label={label} className={className ?? 'form'}>
      {error ? (
        <div className="form-alert" role="alert" tabIndex={-1}>
          {error}
        </div>
      ) : null}
      {children}
    </form>
  );
}

/** A form's submit button: disabled while the request runs, with a label that says what is happening. */
export function SubmitButton({ busy, busyLabel, block, children }: { busy: boolean; busyLabel: string; block?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className={block ? 'button button--block' : 'button'} disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}

/** A field's hint and error lines, with the ids its control points at through aria-describedby. */
function FieldMessages({ id, label, hint, error }: { id: string; label: ReactNode; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {label} {error}
        </p>
      ) : null}
    </>
  );
}
