import { countOrganizations } from '../../storage/repositories/organization.repository.js';
import type { AppDeps } from '../shared/context.js';

/** Whether the installation has its first organization yet (first-run page, setup code). */
export async function getSetupStatus(deps: AppDeps): Promise<{ initialized: boolean }> {
  return { initialized: (await countOrganizations(deps.db)) > 0 };
}
