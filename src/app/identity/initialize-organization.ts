import type { OrganizationOutput, UserOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { countOrganizations } from '../../storage/repositories/organization.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import type { AppDeps } from '../shared/context.js';
import { hashPassword } from '../shared/secrets.js';
import { createOrganizationWithAdmin } from './create-organization-with-admin.js';

export interface InitializeInput {
  organizationName: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
}

/**
 * Bootstraps an empty installation with its first organization and admin (`aims init`, first-run
 * page). Refuses once any organization exists: from then on only a logged-in admin creates them.
 */
export async function initializeOrganization(deps: AppDeps, input: InitializeInput): Promise<{ organization: OrganizationOutput; admin: UserOutput }> {
  if ((await countOrganizations(deps.db)) > 0) throw alreadyInitialized();
  const passwordHash = await hashPassword(input.adminPassword, deps.settings.passwordHashCost);
  return inTransaction(deps.db, async (tx) => {
    // Checked again inside the transaction: two first-run requests must not both succeed.
    if ((await countOrganizations(tx)) > 0) throw alreadyInitialized();
    return createOrganizationWithAdmin(
      tx,
      deps,
      input.organizationName,
      { email: input.adminEmail, displayName: input.adminName, passwordHash },
      input.adminEmail,
    );
  });
}

function alreadyInitialized(): AppError {
  return new AppError(
    'PRECONDITION_FAILED',
    'OpenAIMS is already initialized: an organization exists. Log in as an admin to create further organizations or users.',
  );
}
