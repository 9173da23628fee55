import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { toApiError } from '@web/components/use-load.ts';
import { portalApi } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { usePortalSession } from '@web/portal/portal-session.tsx';
import { Link, navigate, usePath } from '@web/router.tsx';

/** The button that sends the browser to IdCorreios and brings it back to this page. */
export function SignInButton() {
  const path = usePath();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { url } = await portalApi.beginSignIn(path);
      window.location.assign(url);
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button-primary" disabled={busy} onClick={start}>
        {busy ? 'Abrindo o IdCorreios…' : 'Entrar com IdCorreios'}
      </button>
      <PortalError error={error} />
    </>
  );
}

/** Shows `children` to a signed-in citizen, and the IdCorreios sign-in to anyone else. */
export function RequireCitizen({ title, children }: { title: string; children: ReactNode }) {
  const { citizen } = usePortalSession();
  if (citizen === undefined) {
    return (
      <PortalLayout title={title}>
        <p role="status">Carregando…</p>
      </PortalLayout>
    );
  }
  if (!citizen) {
    return (
      <PortalLayout title={title}>
        <p>
          Para o atendimento virtual e os seus protocolos, entre com a sua conta IdCorreios, o
          acesso único aos serviços dos Correios.
        </p>
        <SignInButton />
      </PortalLayout>
    );
  }

  return children;
}

/** Where IdCorreios sends the browser back: the code is exchanged and the session opened. */
export function SignInReturn() {
  const { setCitizen } = usePortalSession();
  const [error, setError] = useState<ApiError | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    // StrictMode runs effects twice in development; a code can be exchanged only once.
    if (sent.current) {
      return;
    }
    sent.current = true;
    portalApi
      .finishSignIn(window.location.search)
      .then(({ citizen, returnTo }) => {
        setCitizen(citizen);
        navigate(returnTo, { replace: true });
      })
      .catch((failure: unknown) => setError(toApiError(failure)));
  }, [setCitizen]);

  return (
    <PortalLayout title="Entrando com IdCorreios">
      {!error && <p role="status">Conferindo a sua entrada…</p>}
      <PortalError error={error} />
      {error && (
        <p>
          <Link to="/cidadao/virtual">Tentar de novo</Link>
        </p>
      )}
    </PortalLayout>
  );
}
