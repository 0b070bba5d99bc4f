import { useCallback, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api/api-error.js';
import { withRoleLabels } from '../lib/roles.js';

export type FieldErrors = Partial<Record<string, string>>;

const SUMMARY = 'Please correct the highlighted fields.';

export interface ZodFormOptions<K extends string> {
  /** Turns the form's strings into the contract's input shape; by default empty strings are omitted. */
  toInput?: (values: Record<K, string>) => unknown;
  /** Checks outside the contract (a repeated password, a file input), run together with it. */
  check?: (values: Record<K, string>) => FieldErrors;
  /** Fields outside the values (a file input) whose server errors should still show beside them. */
  extraFields?: string[];
}

/** Blank inputs mean "not given": optional contract fields must be absent, not empty strings. */
export function omitBlank<K extends string>(values: Record<K, string>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(values) as [K, string][]) {
    if (value.trim() !== '') out[key] = value;
  }
  return out;
}

/**
 * Form state bound to a zod contract from src/contracts: on submit the values are parsed with the
 * same schema the server uses, each issue is shown beside its field, and the server's own field
 * errors (`details.fields`) land in the same place when it refuses anyway.
 */
export function useZodForm<S extends z.ZodType, K extends string>(schema: S, initial: Record<K, string>, options: ZodFormOptions<K> = {}) {
  const [values, setValues] = useState<Record<K, string>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const set = useCallback((field: K, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }, []);

  const reset = useCallback(() => {
    setValues(initial);
    setErrors({});
    setFormError(null);
  }, [initial]);

  /** Shows a server refusal: named fields beside their inputs, anything else above the form. */
  const showServerError = useCallback(
    (error: unknown) => {
      const next: FieldErrors = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        for (const { field, reason: raw } of error.fields) {
          const reason = withRoleLabels(raw);
          if (field in values || options.extraFields?.includes(field)) next[field] = reason;
          else unplaced.push(field === '(body)' ? reason : `${field} ${reason}`);
        }
      }
      setErrors(next);
      const placed = Object.keys(next).length > 0;
      setFormError(placed && unplaced.length === 0 ? SUMMARY : unplaced.length ? unplaced.join('; ') : errorMessage(error));
      setAttempt((n) => n + 1);
    },
    [values, options.extraFields],
  );

  const handleSubmit = (onValid: (data: z.output<S>) => Promise<void> | void) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const input = options.toInput ? options.toInput(values) : omitBlank(values);
    const parsed = schema.safeParse(input);
    const extra = Object.fromEntries(Object.entries(options.check?.(values) ?? {}).filter(([, reason]) => reason));
    if (!parsed.success || Object.keys(extra).length > 0) {
      setErrors({ ...(parsed.success ? {} : issuesToErrors(parsed.error)), ...extra });
      setFormError(SUMMARY);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      await onValid(parsed.data);
    } catch (error) {
      showServerError(error);
    } finally {
      setSubmitting(false);
    }
  };

  /** Props for a field component: its value, change handler and error. */
  const field = (name: K) => ({
    name,
    value: values[name],
    onValueChange: (value: string) => set(name, value),
    error: errors[name],
  });

  // The summary goes once every highlighted field has been corrected; a server message stays.
  const summaryOnly = formError === SUMMARY && !Object.values(errors).some(Boolean);
  return { values, set, errors, setErrors, formError: summaryOnly ? null : formError, setFormError, submitting, handleSubmit, field, reset, showServerError, attempt };
}

function issuesToErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const key = issue.path.map(String).join('.') || '(form)';
    // Same wording as the server's fieldIssues (src/contracts/parse.ts).
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    out[key] ??= missing ? 'is required' : withRoleLabels(issue.message);
  }
  return out;
}
