import type { z } from 'zod';
import { AppError, type FieldIssue } from '../domain/shared/app-error.js';

/** Turns zod issues into field-named reasons; unknown keys each become their own entry. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, reason: 'is not a known field' }));
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return [{ field: base || '(body)', reason: missing ? 'is required' : issue.message }];
  });
}

export function validationError(error: z.ZodError, where: string): AppError {
  const fields = fieldIssues(error);
  const summary = fields.map((f) => `${f.field} ${f.reason}`).join('; ');
  return new AppError('VALIDATION_FAILED', `invalid ${where}: ${summary}`, { fields });
}

/** Parses with a contract outside the route layer (multipart fields, CLI flags). */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
