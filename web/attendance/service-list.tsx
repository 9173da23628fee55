import { sterApi } from '@web/api/endpoints.ts';
import type { Service } from '@web/api/types.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { Layout } from '@web/components/layout.tsx';
import { moveFocusWithArrows } from '@web/components/list-navigation.ts';
import { useLoad } from '@web/components/use-load.ts';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { navigate } from '@web/router.tsx';

export type ServiceListProps = { clientId: string };

const SOLUTION_LABELS: Record<string, string> = {
  hostedForm: 'Formulário STER',
  clientSite: 'Site do cliente (abre em nova aba)',
};

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

  const open = (service: Service) => {
    if (service.solution === 'clientSite' && service.clientSiteUrl) {
      // TODO(#3): the partner flow (the client's site reporting back to STER) is a later issue.
      window.open(service.clientSiteUrl, '_blank', 'noopener');

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
