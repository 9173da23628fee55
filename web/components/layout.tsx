import type { ReactNode } from 'react';
import { attendantHeader, useSession } from '@web/auth/session.tsx';
import { Kbd } from '@web/components/kbd.tsx';
import { useShortcuts } from '@web/components/use-shortcuts.ts';
import { Link, navigate, usePath } from '@web/router.tsx';

export type LayoutProps = { title: string; children: ReactNode; system?: 'SARA' | 'STER' };

type NavItem = { to: string; label: string; keys: string; roles?: readonly string[] };

const NAV: readonly NavItem[] = [
  { to: '/', label: 'Operação Serviço de Terceiro', keys: 'Alt+O' },
  { to: '/balcao/protocolos', label: 'Protocolos STER', keys: 'Alt+P' },
  { to: '/ster/atendimento', label: 'Atendimento', keys: 'Alt+A' },
  { to: '/ster/consulta', label: 'Consulta Protocolo', keys: 'Alt+C' },
  { to: '/balcao/estorno', label: 'Estorno', keys: 'Alt+R' },
  { to: '/ster/faturamento', label: 'Faturamento', keys: 'Alt+I', roles: ['backOffice', 'admin'] },
  {
    to: '/ster/fechamento',
    label: 'Fechamento do caixa',
    keys: 'Alt+X',
    roles: ['supervisor', 'backOffice', 'admin'],
  },
  { to: '/ster/conciliacao', label: 'Conciliação', keys: 'Alt+N' },
  { to: '/relatorios', label: 'Relatórios', keys: 'Alt+L' },
];

/** Back-office roles also see the catalogue management; counter roles never do. */
export const BACK_OFFICE_ROLES: readonly string[] = ['backOffice', 'admin'];
const BACK_OFFICE_NAV = { to: '/backoffice', label: 'Retaguarda', keys: 'Alt+B' } as const;

/** The frame of every signed-in screen: who is at the counter, where to go, and the screen. */
export function Layout({ title, children, system = 'SARA' }: LayoutProps) {
  const { staff, signOut } = useSession();
  const path = usePath();
  const offered = NAV.filter((item) => !item.roles || item.roles.includes(staff.role));
  const nav = BACK_OFFICE_ROLES.includes(staff.role) ? [...offered, BACK_OFFICE_NAV] : offered;
  const shortcuts = Object.fromEntries(nav.map((item) => [item.keys, () => navigate(item.to)]));
  useShortcuts({ ...shortcuts, 'Alt+S': signOut });

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✉
          </span>
          <span>
            <strong>{system === 'STER' ? 'STER' : 'SARA'}</strong>{' '}
            <span className="brand-sub">
              {system === 'STER' ? 'Sistema de Serviços de Terceiros' : 'Atendimento'}
            </span>
          </span>
        </div>
        <p className="attendant" data-testid="attendant-header">
          {attendantHeader(staff)}
          <span className="attendant-name"> · {staff.name}</span>
        </p>
        <button type="button" className="button button-ghost" onClick={signOut}>
          Sair <Kbd keys="Alt+S" />
        </button>
      </header>
      <nav className="nav" aria-label="Telas">
        <ul>
          {nav.map((item) => {
            const active = item.to === '/' ? path === '/' : path.startsWith(item.to);

            return (
              <li key={item.to}>
                <Link to={item.to} aria-current={active ? 'page' : undefined}>
                  {item.label} <Kbd keys={item.keys} />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className="main" id="conteudo">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
