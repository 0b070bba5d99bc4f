import { ApiError } from '../../api/api-error.js';

/**
 * Renames the fields of a server refusal so they land beside the form's own inputs (for example
 * `controlIds.3` onto the control picker); a field mapped to null is dropped, so the message shows.
 */
export function remapFields(error: unknown, rename: (field: string) => string | null): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.flatMap((f) => {
    const to = rename(f.field);
    return to === null ? [] : [{ field: to, reason: f.reason }];
  });
  return new ApiError(error.status, error.code, error.message, { ...error.details, fields });
}
