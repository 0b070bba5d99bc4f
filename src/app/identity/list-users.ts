import type { Page, PageQuery } from '../../contracts/common.contracts.js';
import type { UserOutput } from '../../contracts/identity.contracts.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentUser } from './identity.presenters.js';

/** The organization's members with their roles. */
export async function listUsers(deps: AppDeps, actor: Actor, query: PageQuery): Promise<Page<UserOutput>> {
  requirePermission(actor, 'user:read');
  const rows = await listMembers(deps.db, actor.organizationId, decodeCursor<string>(query.cursor, 'string'), query.limit + 1);
  return toPage(rows, query.limit, (row) => row.id, presentUser);
}
