import type { ReactNode } from 'react';
import { ClientPicker, ServicePicker } from '@web/portal/catalogue-screens.tsx';
import { FormScreen } from '@web/portal/form-screen.tsx';
import { PortalHome } from '@web/portal/home.tsx';
import { MyProtocols } from '@web/portal/my-protocols.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { PortalSessionProvider, usePortalSessionState } from '@web/portal/portal-session.tsx';
import { RequireCitizen, SignInReturn } from '@web/portal/sign-in.tsx';
import { StatusScreen } from '@web/portal/status-screen.tsx';
import { VirtualDone } from '@web/portal/virtual-done.tsx';
import { VoucherScreen } from '@web/portal/voucher-screen.tsx';
import { Link, matchPath, usePath, type RouteParams } from '@web/router.tsx';

type Route = { path: string; render: (params: RouteParams) => ReactNode };

const param = (params: RouteParams, name: string) => params[name] ?? '';

const signedIn = (title: string, screen: ReactNode) => (
  <RequireCitizen title={title}>{screen}</RequireCitizen>
);

const ROUTES: Route[] = [
  { path: '/cidadao', render: () => <PortalHome /> },
  { path: '/cidadao/pre-atendimento', render: () => <ClientPicker flow="preAttendance" /> },
  {
    path: '/cidadao/pre-atendimento/:clientId',
    render: (p) => <ServicePicker flow="preAttendance" clientId={param(p, 'clientId')} />,
  },
  {
    path: '/cidadao/pre-atendimento/:clientId/:serviceId',
    render: (p) => (
      <FormScreen
        flow="preAttendance"
        clientId={param(p, 'clientId')}
        serviceId={param(p, 'serviceId')}
      />
    ),
  },
  { path: '/cidadao/comprovante/:code', render: (p) => <VoucherScreen code={param(p, 'code')} /> },
  { path: '/cidadao/consulta', render: () => <StatusScreen /> },
  { path: '/cidadao/retorno', render: () => <SignInReturn /> },
  {
    path: '/cidadao/virtual',
    render: () => signedIn('Atendimento virtual', <ClientPicker flow="virtual" />),
  },
  {
    path: '/cidadao/virtual/:clientId',
    render: (p) =>
      signedIn(
        'Atendimento virtual',
        <ServicePicker flow="virtual" clientId={param(p, 'clientId')} />,
      ),
  },
  {
    path: '/cidadao/virtual/:clientId/:serviceId',
    render: (p) =>
      signedIn(
        'Atendimento virtual',
        <FormScreen
          flow="virtual"
          clientId={param(p, 'clientId')}
          serviceId={param(p, 'serviceId')}
        />,
      ),
  },
  {
    path: '/cidadao/concluido/:code',
    render: (p) => signedIn('Atendimento concluído', <VirtualDone code={param(p, 'code')} />),
  },
  {
    path: '/cidadao/meus-protocolos',
    render: () => signedIn('Meus protocolos', <MyProtocols />),
  },
];

function PortalRoutes() {
  const path = usePath().replace(/\/+$/, '') || '/cidadao';
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) {
      return <div key={path}>{route.render(params)}</div>;
    }
  }

  return (
    <PortalLayout title="Página não encontrada">
      <p>
        Este endereço não existe. <Link to="/cidadao">Voltar ao início</Link>.
      </p>
    </PortalLayout>
  );
}

/** The citizens' portal: its own entry, bundle and session (IdCorreios), none of the staff app. */
export function PortalApp() {
  const session = usePortalSessionState();

  return (
    <PortalSessionProvider value={session}>
      <PortalRoutes />
    </PortalSessionProvider>
  );
}
