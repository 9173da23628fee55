import { AgenciesScreen } from '@web/backoffice/agencies-screen.tsx';
import { ChangesScreen } from '@web/backoffice/changes-screen.tsx';
import { ClientScreen } from '@web/backoffice/client-screen.tsx';
import { ClientsScreen } from '@web/backoffice/clients-screen.tsx';
import { FormBuilderScreen } from '@web/backoffice/form-builder/form-builder-screen.tsx';
import { ImportScreen } from '@web/backoffice/import-screen.tsx';
import { ServiceScreen } from '@web/backoffice/service-screen.tsx';
import { ServicesScreen } from '@web/backoffice/services-screen.tsx';
import { StaffScreen } from '@web/backoffice/staff-screen.tsx';
import type { RouteParams } from '@web/router.tsx';

const param = (params: RouteParams, name: string) => params[name] ?? '';

/** The back-office screens, under /backoffice; each checks the role itself. */
export const BACKOFFICE_ROUTES = [
  { path: '/backoffice', render: () => <ClientsScreen /> },
  { path: '/backoffice/clientes', render: () => <ClientsScreen /> },
  {
    path: '/backoffice/clientes/:clientId',
    render: (p: RouteParams) => <ClientScreen clientId={param(p, 'clientId')} />,
  },
  { path: '/backoffice/servicos', render: () => <ServicesScreen /> },
  {
    path: '/backoffice/servicos/:serviceId',
    render: (p: RouteParams) => <ServiceScreen serviceId={param(p, 'serviceId')} />,
  },
  {
    path: '/backoffice/servicos/:serviceId/formulario',
    render: (p: RouteParams) => <FormBuilderScreen serviceId={param(p, 'serviceId')} />,
  },
  { path: '/backoffice/agencias', render: () => <AgenciesScreen /> },
  { path: '/backoffice/funcionarios', render: () => <StaffScreen /> },
  { path: '/backoffice/importacao', render: () => <ImportScreen /> },
  { path: '/backoffice/alteracoes', render: () => <ChangesScreen /> },
];
