import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { portalApi, type Citizen } from '@web/portal/portal-api.ts';

export type PortalSession = {
  /** undefined while the session is being read; null when nobody is signed in. */
  citizen: Citizen | null | undefined;
  setCitizen: (citizen: Citizen | null) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<PortalSession>({
  citizen: null,
  setCitizen: () => {},
  signOut: async () => {},
});

export const usePortalSession = () => useContext(SessionContext);

/** Reads who is signed in with IdCorreios once, and shares it with every screen. */
export function usePortalSessionState(): PortalSession {
  const [citizen, setCitizen] = useState<Citizen | null | undefined>(undefined);

  useEffect(() => {
    portalApi
      .session()
      .then((session) => setCitizen(session.citizen))
      .catch(() => setCitizen(null));
  }, []);

  const signOut = useCallback(async () => {
    await portalApi.signOut().catch(() => undefined);
    setCitizen(null);
  }, []);

  return useMemo(() => ({ citizen, setCitizen, signOut }), [citizen, signOut]);
}

export const PortalSessionProvider = SessionContext.Provider;
