import { useState } from 'react';
import { sterApi } from '@web/api/endpoints.ts';
import type { Service } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { moveFocusWithArrows } from '@web/components/list-navigation.ts';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { navigate } from '@web/router.tsx';

export type ServiceListProps = { clientId: string };

const SOLUTION_LABELS: Record<string, string> = {
  hostedForm: 'Formulário STER',
  clientSite: 'Site do cliente (abre em nova aba)',
};

const POPUP_BLOCKED =
  'O navegador bloqueou a nova aba. Permita janelas pop-up para o STER e tente de novo.';

/**
 * Opens the client's site in a new tab with a fresh `codigoCorreios` (agency, attendant and
 * service, valid for 2 h). The tab opens at once, while the click still counts as the
 * attendant's gesture (pop-up blockers), and goes to the site once STER answers.
 */
async function openClientSite(serviceId: string, onError: (message: string | null) => void) {
  onError(null);
  const tab = window.open('', '_blank');
  if (!tab) {
    onError(POPUP_BLOCKED);

    return;
  }
  tab.opener = null;
  try {
    const { url } = await sterApi.clientSiteLink(serviceId);
    tab.location.replace(url);
  } catch (failure) {
    tab.close();
    onError(toApiError(failure).message);
  }
}

/** The client's services at this agency; each opens its hosted form or the client's site. */
export function ServiceList({ clientId }: ServiceListProps) {
  const load = useLoad(async () => {
    const [clients, services] = await Promise.all([sterApi.clients(), sterApi.services(clientId)]);

    return { client: clients.clients.find((c) => c.id === clientId), ...services };
  }, [clientId]);
  const services = (load.data?.services ?? [])
    .filter((service) => service.attendanceTypes.includes('inPerson'))
    .sort((a, b) => a.code.localeCompare(b.code));
  useShortcuts({ Escape: () => navigate('/ster/atendimento') });

  const [siteError, setSiteError] = useState<string | null>(null);

  const open = (service: Service) => {
    if (service.solution === 'clientSite') {
      void openClientSite(service.id, setSiteError);

      return;
    }
    navigate(`/ster/atendimento/${clientId}/${service.id}`);
  };

  return (
    <Layout title={`Serviços – ${load.data?.client?.name ?? 'cliente'}`} system="STER">
      <p className="muted">
        Escolha o serviço com as setas e tecle Enter. <Kbd keys="Esc" /> volta aos clientes.
      </p>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {siteError && (
        <div className="alert alert-error" role="alert">
          <strong>Não foi possível abrir o site do cliente</strong>
          <p>{siteError}</p>
        </div>
      )}
      {load.loading && <p role="status">Carregando serviços…</p>}
      <ul className="pick-list" onKeyDown={moveFocusWithArrows} aria-label="Serviços">
        {services.map((service, index) => (
          <li key={service.id}>
            <button
              type="button"
              className="pick"
              autoFocus={index === 0}
              onClick={() => open(service)}
            >
              <span className="pick-title">
                <span className="mono">{service.code}</span> {service.name}
              </span>
              <span className="pick-sub">
                {service.description} · {SOLUTION_LABELS[service.solution] ?? service.solution}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {load.data && services.length === 0 && (
        <p className="empty" role="status">
          Este cliente não tem serviços presenciais nesta agência.
        </p>
      )}
    </Layout>
  );
}
