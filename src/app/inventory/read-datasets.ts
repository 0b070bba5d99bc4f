import type { z } from 'zod';
import type { DatasetDetailSchema, DatasetOutput, ReviewTriggerOutput, ReviewTriggerQuery } from '../../contracts/inventory.contracts.js';
import type { Page } from '../../contracts/common.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findDataset, listDatasetVersions, listDatasets } from '../../storage/repositories/dataset.repository.js';
import { listReviewTriggers as listTriggerRows } from '../../storage/repositories/inventory-settings.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentDataset, presentDatasetVersion, presentReviewTrigger } from './inventory.presenters.js';

export async function listInventoryDatasets(deps: AppDeps, actor: Actor): Promise<{ items: DatasetOutput[] }> {
  requirePermission(actor, 'system:read');
  return { items: (await listDatasets(deps.db, actor.organizationId)).map(presentDataset).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** A dataset with its versions, oldest first. */
export async function getDataset(deps: AppDeps, actor: Actor, id: string): Promise<z.infer<typeof DatasetDetailSchema>> {
  requirePermission(actor, 'system:read');
  const row = await findDataset(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('dataset', id);
  return { ...presentDataset(row), versions: (await listDatasetVersions(deps.db, actor.organizationId, id)).map(presentDatasetVersion) };
}

/** "Review needed" triggers raised by inventory changes, newest first; the risk area resolves them. */
export async function listReviewTriggers(deps: AppDeps, actor: Actor, query: ReviewTriggerQuery): Promise<Page<ReviewTriggerOutput>> {
  requirePermission(actor, 'system:read');
  const open = query.open === undefined ? undefined : query.open === 'true';
  const rows = await listTriggerRows(deps.db, actor.organizationId, { open }, decodeCursor<string>(query.cursor, 'string'), query.limit + 1);
  return toPage(rows, query.limit, (row) => row.id, presentReviewTrigger);
}
