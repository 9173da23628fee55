import { useLoad } from '@web/components/use-load.ts';
import { portalApi, type Flow } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { Link } from '@web/router.tsx';

export const FLOW_BASE: Record<Flow, string> = {
  preAttendance: '/cidadao/pre-atendimento',
  virtual: '/cidadao/virtual',
};

const FLOW_TITLE: Record<Flow, string> = {
  preAttendance: 'Pré-atendimento',
  virtual: 'Atendimento virtual',
};

/** Step 1: the companies and public bodies with services for this flow. */
export function ClientPicker({ flow }: { flow: Flow }) {
  const clients = useLoad(() => portalApi.clients(flow), [flow]);

  return (
    <PortalLayout title={`${FLOW_TITLE[flow]}: escolha a empresa ou o órgão`}>
      <PortalError error={clients.error} onRetry={clients.reload} />
      {clients.loading && <p role="status">Carregando…</p>}
      <ul className="pick-list" aria-label="Empresas e órgãos">
        {(clients.data?.clients ?? []).map((client) => (
          <li key={client.id}>
            <Link to={`${FLOW_BASE[flow]}/${client.id}`} className="pick">
              {client.name}
              <span className="pick-sub">{client.serviceCount} serviço(s)</span>
            </Link>
          </li>
        ))}
      </ul>
      {clients.data?.clients.length === 0 && <p>Nenhum serviço disponível no momento.</p>}
    </PortalLayout>
  );
}

/** Step 2: the client's services for this flow. */
export function ServicePicker({ flow, clientId }: { flow: Flow; clientId: string }) {
  const services = useLoad(() => portalApi.services(flow, clientId), [flow, clientId]);

  return (
    <PortalLayout title={`${FLOW_TITLE[flow]}: escolha o serviço`}>
      <p>
        <Link to={FLOW_BASE[flow]}>← Outra empresa ou órgão</Link>
      </p>
      <PortalError error={services.error} onRetry={services.reload} />
      {services.loading && <p role="status">Carregando…</p>}
      <ul className="pick-list" aria-label="Serviços">
        {(services.data?.services ?? []).map((service) => (
          <li key={service.id}>
            <Link to={`${FLOW_BASE[flow]}/${clientId}/${service.id}`} className="pick">
              {service.name}
              <span className="pick-sub">{service.description}</span>
            </Link>
          </li>
        ))}
      </ul>
      {services.data?.services.length === 0 && <p>Nenhum serviço disponível no momento.</p>}
    </PortalLayout>
  );
}
