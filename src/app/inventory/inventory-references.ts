import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { listDatasetVersions } from '../../storage/repositories/dataset.repository.js';
import { listModels } from '../../storage/repositories/model.repository.js';
import { findSupplier } from '../../storage/repositories/supplier.repository.js';
import { findMember } from '../../storage/repositories/user.repository.js';

/**
 * Checks that the ids a record names exist in the caller's organization. An id of another
 * organization is reported exactly like one that does not exist. Collects every problem first,
 * so one answer names all offending fields.
 */
export class ReferenceCheck {
  private readonly issues: FieldIssue[] = [];
  private readonly pending: Array<() => Promise<void>> = [];
  constructor(private readonly tx: Conn, private readonly organizationId: string) {}

  member(field: string, userId: string | null | undefined): this {
    return this.add(async () => {
      if (userId && !(await findMember(this.tx, this.organizationId, userId))) this.issues.push({ field, reason: 'is not a member of this organization' });
    });
  }

  supplier(field: string, id: string | null | undefined): this {
    return this.add(async () => {
      if (id && !(await findSupplier(this.tx, this.organizationId, id))) this.issues.push({ field, reason: `no supplier ${id} in this organization` });
    });
  }

  models(field: string, ids: readonly string[] | undefined): this {
    return this.each(field, ids, 'model', async () => (await listModels(this.tx, this.organizationId)).map((m) => m.id));
  }

  systems(field: string, ids: readonly string[] | undefined): this {
    return this.each(field, ids, 'AI system', async () => (await listAiSystems(this.tx, this.organizationId)).map((s) => s.id));
  }

  datasetVersions(field: string, ids: readonly string[] | undefined): this {
    return this.each(field, ids, 'dataset version', async () => (await listDatasetVersions(this.tx, this.organizationId)).map((v) => v.id));
  }

  /** Runs the checks in order; throws VALIDATION_FAILED naming every field found wrong. */
  async done(): Promise<void> {
    for (const check of this.pending) await check();
    if (this.issues.length === 0) return;
    throw new AppError('VALIDATION_FAILED', this.issues.map((i) => `${i.field}: ${i.reason}`).join('; '), { fields: this.issues });
  }

  private add(check: () => Promise<void>): this {
    this.pending.push(check);
    return this;
  }

  private each(field: string, ids: readonly string[] | undefined, what: string, load: () => Promise<string[]>): this {
    if (!ids || ids.length === 0) return this;
    return this.add(async () => {
      const known = new Set(await load());
      ids.forEach((id, i) => {
        if (!known.has(id)) this.issues.push({ field: `${field}.${i}`, reason: `no ${what} ${id} in this organization` });
      });
    });
  }
}
