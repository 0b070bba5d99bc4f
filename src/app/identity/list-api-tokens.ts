import type { Page, PageQuery } from '../../contracts/common.contracts.js';
import type { ApiTokenOutput } from '../../contracts/identity.contracts.js';
import { listApiTokens as queryApiTokens } from '../../storage/repositories/api-token.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentApiToken } from './identity.presenters.js';

/** The organization's tokens, without their secrets. */
export async function listApiTokens(deps: AppDeps, actor: Actor, query: PageQuery): Promise<Page<ApiTokenOutput>> {
  requirePermission(actor, 'token:manage');
  const rows = await queryApiTokens(deps.db, actor.organizationId, decodeCursor<string>(query.cursor, 'string'), query.limit + 1);
  return toPage(rows, query.limit, (row) => row.id, presentApiToken);
}
