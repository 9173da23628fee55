import type { ReactNode } from 'react';
import { ClientList } from '@web/attendance/client-list.tsx';
import { BACKOFFICE_ROUTES } from '@web/backoffice/backoffice-routes.tsx';
import { HostedFormScreen } from '@web/attendance/hosted-form-screen.tsx';
import { ServiceList } from '@web/attendance/service-list.tsx';
import { StatementScreen } from '@web/billing/statement-screen.tsx';
import { StatementsScreen } from '@web/billing/statements-screen.tsx';
import { Layout } from '@web/components/layout.tsx';
import { CounterHome } from '@web/counter/counter-home.tsx';
import { PendingList } from '@web/counter/pending-list.tsx';
import { ReversalLookup } from '@web/counter/reversal-lookup.tsx';
import { SaleScreen } from '@web/counter/sale-screen.tsx';
import { ProtocolScreen } from '@web/lookup/protocol-screen.tsx';
import { ProtocolSearch } from '@web/lookup/protocol-search.tsx';
import { ReceiptScreen } from '@web/receipt/receipt-screen.tsx';
import { DayCloseScreen } from '@web/reconciliation/day-close-screen.tsx';
import { ReconciliationScreen } from '@web/reconciliation/reconciliation-screen.tsx';
import { ReportsScreen } from '@web/reports/reports-screen.tsx';
import { DeliveryLog } from '@web/backoffice-partners/delivery-log.tsx';
import { PartnerDetailScreen } from '@web/backoffice-partners/partner-detail.tsx';
import { PartnerList } from '@web/backoffice-partners/partner-list.tsx';
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
  { path: '/ster/faturamento', render: () => <StatementsScreen /> },
  { path: '/ster/faturamento/:id', render: (p) => <StatementScreen id={param(p, 'id')} /> },
  { path: '/ster/fechamento', render: () => <DayCloseScreen /> },
  { path: '/ster/conciliacao', render: () => <ReconciliationScreen /> },
  { path: '/relatorios', render: () => <ReportsScreen /> },
  { path: '/backoffice/parceiros', render: () => <PartnerList /> },
  {
    path: '/backoffice/parceiros/:id',
    render: (p) => <PartnerDetailScreen id={param(p, 'id')} />,
  },
  {
    path: '/backoffice/parceiros/:id/entregas',
    render: (p) => <DeliveryLog id={param(p, 'id')} />,
  },
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
