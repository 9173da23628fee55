import { useCallback, useEffect, useMemo, useState } from 'react';
import { setUnauthenticatedHandler } from '@web/api/client.ts';
import { sterApi } from '@web/api/endpoints.ts';
import type { Staff } from '@web/api/types.ts';
import { SessionContext } from '@web/auth/session.tsx';
import { SignIn } from '@web/auth/sign-in.tsx';
import { Routes } from '@web/routes.tsx';

type SessionState =
  { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; staff: Staff };

export function App() {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ kind: 'signedOut' }));
    sterApi
      .session()
      .then(({ staff }) => setState({ kind: 'signedIn', staff }))
      .catch(() => setState({ kind: 'signedOut' }));
  }, []);

  const signOut = useCallback(() => {
    sterApi
      .signOut()
      .catch(() => undefined)
      .finally(() => setState({ kind: 'signedOut' }));
  }, []);
  const session = useMemo(
    () => (state.kind === 'signedIn' ? { staff: state.staff, signOut } : null),
    [state, signOut],
  );

  if (state.kind === 'loading') {
    return (
      <p className="loading" role="status">
        Carregando…
      </p>
    );
  }
  if (!session) {
    return <SignIn onSignedIn={(staff) => setState({ kind: 'signedIn', staff })} />;
  }

  return (
    <SessionContext.Provider value={session}>
      <Routes />
    </SessionContext.Provider>
  );
}
