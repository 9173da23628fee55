import type { ReactNode } from 'react';
import { ClientList } from '@web/attendance/client-list.tsx';
import { BACKOFFICE_ROUTES } from '@web/backoffice/backoffice-routes.tsx';
import { HostedFormScreen } from '@web/attendance/hosted-form-screen.tsx';
import { ServiceList } from '@web/attendance/service-list.tsx';
import { Layout } from '@web/components/layout.tsx';
import { CounterHome } from '@web/counter/counter-home.tsx';
import { PendingList } from '@web/counter/pending-list.tsx';
import { ReversalLookup } from '@web/counter/reversal-lookup.tsx';
import { SaleScreen } from '@web/counter/sale-screen.tsx';
import { ProtocolScreen } from '@web/lookup/protocol-screen.tsx';
import { ProtocolSearch } from '@web/lookup/protocol-search.tsx';
import { ReceiptScreen } from '@web/receipt/receipt-screen.tsx';
import { Link, matchPath, usePath, type RouteParams } from '@web/router.tsx';

type Route = { path: string; render: (params: RouteParams) => ReactNode };

const param = (params: RouteParams, name: string) => params[name] ?? '';

const ROUTES: Route[] = [
  { path: '/', render: () => <CounterHome /> },
  { path: '/balcao/protocolos', render: () => <PendingList /> },
  { path: '/balcao/venda/:code', render: (p) => <SaleScreen code={param(p, 'code')} /> },
  { path: '/balcao/comprovante/:code', render: (p) => <ReceiptScreen code={param(p, 'code')} /> },
  { path: '/balcao/estorno', render: () => <ReversalLookup /> },
  { path: '/ster/atendimento', render: () => <ClientList /> },
  {
    path: '/ster/atendimento/:clientId',
    render: (p) => <ServiceList clientId={param(p, 'clientId')} />,
  },
  {
    path: '/ster/atendimento/:clientId/:serviceId',
    render: (p) => (
      <HostedFormScreen clientId={param(p, 'clientId')} serviceId={param(p, 'serviceId')} />
    ),
  },
  { path: '/ster/consulta', render: () => <ProtocolSearch /> },
  { path: '/ster/protocolo/:code', render: (p) => <ProtocolScreen code={param(p, 'code')} /> },
  ...BACKOFFICE_ROUTES,
];

/** Picks the screen for the address bar; the key remounts it when the path changes. */
export function Routes() {
  const path = usePath();
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) {
      return <div key={path}>{route.render(params)}</div>;
    }
  }

  return (
    <Layout title="Tela não encontrada">
      <p>
        Este endereço não corresponde a nenhuma tela. <Link to="/">Voltar ao início</Link>.
      </p>
    </Layout>
  );
}
