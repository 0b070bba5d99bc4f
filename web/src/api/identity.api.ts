import type { Page } from '../../../src/contracts/common.contracts.js';
import { setCsrfToken } from './csrf-store.js';
import type {
  AddUserInput,
  ApiTokenOutput,
  CreateApiTokenInput,
  CreatedApiTokenOutput,
  LoginInput,
  CreateOrganizationInput,
  MeOutput,
  MyOrganizationOutput,
  OrganizationOutput,
  SessionOutput,
  SetupInput,
  UpdateUserInput,
  UserOutput,
} from '../../../src/contracts/identity.contracts.js';
import { ApiError } from './api-error.js';
import { apiRequest } from './client.js';

export async function getSetupStatus(): Promise<{ initialized: boolean }> {
  return apiRequest('/setup');
}

export async function runSetup(input: SetupInput): Promise<{ organization: OrganizationOutput; admin: UserOutput }> {
  return apiRequest('/setup', { json: input, quiet401: true });
}

export async function logIn(input: LoginInput): Promise<SessionOutput> {
  return apiRequest('/auth/login', { json: input, quiet401: true });
}

export async function logOut(): Promise<void> {
  await apiRequest('/auth/logout', { method: 'POST', quiet401: true });
}

/**
 * Who is logged in, or null when nobody is (a 401 is the normal answer before login). For a session
 * caller the answer carries the CSRF token, so a new tab or a cleared storage can write again.
 */
export async function getMe(): Promise<MeOutput | null> {
  try {
    const me = await apiRequest<MeOutput>('/me', { quiet401: true });
    if (me.csrfToken) setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The organizations the logged-in person can enter, with their role in each; the current one is marked. */
export async function listMyOrganizations(): Promise<MyOrganizationOutput[]> {
  return apiRequest('/me/organizations');
}

/**
 * Moves the session to another of the caller's organizations. The server ends the old session and
 * sets a new cookie; the new CSRF token comes back in the body and replaces the old one at once.
 */
export async function switchOrganization(organizationId: string): Promise<SessionOutput> {
  const session = await apiRequest<SessionOutput>('/auth/switch', { json: { organizationId } });
  setCsrfToken(session.csrfToken);
  return session;
}

/** An admin creates a further organization and becomes its admin (the session stays where it is). */
export async function createOrganization(input: CreateOrganizationInput): Promise<OrganizationOutput> {
  return apiRequest('/organizations', { json: input });
}

export async function listUsers(cursor?: string, limit = 100): Promise<Page<UserOutput>> {
  return apiRequest('/users', { query: { cursor, limit } });
}

export async function addUser(input: AddUserInput): Promise<UserOutput> {
  return apiRequest('/users', { json: input });
}

/** An admin changes a member's role or access end (null: no end); 409 when it would leave no admin. */
export async function updateUser(id: string, input: UpdateUserInput): Promise<UserOutput> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: input });
}

/** An admin removes a member: their sessions here end and their tokens are revoked; 409 for the last admin. */
export async function removeUser(id: string): Promise<void> {
  await apiRequest<undefined>(`/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listTokens(cursor?: string, limit = 100): Promise<Page<ApiTokenOutput>> {
  return apiRequest('/tokens', { query: { cursor, limit } });
}

export async function createToken(input: CreateApiTokenInput): Promise<CreatedApiTokenOutput> {
  return apiRequest('/tokens', { json: input });
}

export async function revokeToken(id: string): Promise<ApiTokenOutput> {
  return apiRequest(`/tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}
