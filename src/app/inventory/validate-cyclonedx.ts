import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';

const VERSIONS: Record<string, Spec.Version> = { '1.5': Spec.Version.v1dot5, '1.6': Spec.Version.v1dot6, '1.7': Spec.Version.v1dot7 };
const validators = new Map<string, Validation.JsonValidator>();

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** "/components/0/type" → "components.0.type", the dotted form our field errors use. */
function fieldOf(pointer: string | undefined): string {
  const path = (pointer ?? '').split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return path.length ? path.join('.') : '(document)';
}

function reasonOf(issue: AjvIssue): string {
  const allowed = issue.params?.allowedValues;
  const extra = issue.params?.additionalProperty;
  const missing = issue.params?.missingProperty;
  if (Array.isArray(allowed)) return `${issue.message ?? 'is invalid'}: ${allowed.join(', ')}`;
  if (typeof extra === 'string') return `has a property the schema does not allow: ${extra}`;
  if (typeof missing === 'string') return `misses the required property ${missing}`;
  return issue.message ?? 'is invalid';
}

/**
 * Validates a parsed CycloneDX document against the JSON schema of the version it declares
 * (1.5, 1.6 or 1.7), with the schemas bundled in @cyclonedx/cyclonedx-library. Throws
 * VALIDATION_FAILED naming where it fails, as JSON pointer and as a dotted field.
 */
export async function assertValidCycloneDx(document: unknown): Promise<void> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw AppError.invalidField('(document)', 'must be a CycloneDX JSON object');
  const declared = (document as { specVersion?: unknown }).specVersion;
  const version = typeof declared === 'string' ? VERSIONS[declared] : undefined;
  if (!version) throw AppError.invalidField('specVersion', `must be one of ${Object.keys(VERSIONS).join(', ')} (ML-BOMs need CycloneDX 1.5 or later)`);
  let validator = validators.get(declared as string);
  if (!validator) {
    validator = new Validation.JsonValidator(version);
    validators.set(declared as string, validator);
  }
  const issues = (await validator.validate(JSON.stringify(document))) as AjvIssue[] | null;
  if (!issues || issues.length === 0) return;
  const fields: FieldIssue[] = issues.slice(0, 20).map((issue) => ({ field: fieldOf(issue.instancePath), reason: reasonOf(issue) }));
  const first = issues[0]!;
  throw new AppError('VALIDATION_FAILED', `the ML-BOM does not match the CycloneDX ${declared as string} schema at ${first.instancePath || '/'}: ${reasonOf(first)}`, {
    fields,
    schema: `CycloneDX ${declared as string}`,
    pointers: issues.slice(0, 20).map((i) => i.instancePath || '/'),
  });
}
