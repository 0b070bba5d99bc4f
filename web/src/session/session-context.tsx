import { createContext, useContext, type ReactNode } from 'react';
import type { MeOutput } from '../../../src/contracts/identity.contracts.js';
import type { Permission } from '../../../src/domain/access/permissions.js';

export interface SessionValue {
  me: MeOutput;
  /** Whether the caller's role holds a permission. Only hides actions: the server decides. */
  can: (permission: Permission) => boolean;
  signOut: () => Promise<void>;
  /** Moves the session to another of the caller's organizations and reloads every page's data. */
  switchOrganization: (organizationId: string) => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

interface SessionProviderProps {
  me: MeOutput;
  signOut: () => Promise<void>;
  switchOrganization: (organizationId: string) => Promise<void>;
  children: ReactNode;
}

export function SessionProvider({ me, signOut, switchOrganization, children }: SessionProviderProps) {
  const can = (permission: Permission) => me.permissions.includes(permission);
  return <SessionContext.Provider value={{ me, can, signOut, switchOrganization }}>{children}</SessionContext.Provider>;
}

/** The logged-in caller; only pages inside the authenticated frame use it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
