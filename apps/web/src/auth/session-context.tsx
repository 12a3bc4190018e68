import { createContext, useContext } from 'react';
import { isNationalScope } from './permissions.js';
import type { Permissions, Session } from './session.js';

export interface SessionContextValue {
  session: Session;
  /** Ends this session and shows the sign-in page. */
  signOut(): Promise<void>;
  /** Ends every session of the user (all browsers, all devices) and shows the sign-in page. */
  signOutEverywhere(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in session; only inside the page the sign-in gate lets through. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside the signed-in page');
  return value;
}

/** What the signed-in role may use (layers, exports, import, admin pages). */
export function usePermissions(): Permissions {
  return useSession().session.permissions;
}

/** Whether the signed-in user sees the whole country (see isNationalScope). */
export function useNationalScope(): boolean {
  return isNationalScope(useSession().session.user.scope);
}
