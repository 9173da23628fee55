import { useEffect, type ReactNode } from 'react';
import { usePortalSession } from '@web/portal/portal-session.tsx';
import { Link, usePath } from '@web/router.tsx';

const NAV = [
  { to: '/cidadao/pre-atendimento', label: 'Pré-atendimento' },
  { to: '/cidadao/consulta', label: 'Consultar protocolo' },
  { to: '/cidadao/virtual', label: 'Atendimento virtual' },
  { to: '/cidadao/meus-protocolos', label: 'Meus protocolos' },
];

export type PortalLayoutProps = { title: string; children: ReactNode };

/** The portal's frame: the post's header, the four things a citizen can do, and the page. */
export function PortalLayout({ title, children }: PortalLayoutProps) {
  const path = usePath();
  const { citizen } = usePortalSession();

  useEffect(() => {
    document.title = `${title} – Correios`;
  }, [title]);

  return (
    <>
      <a className="skip-link" href="#conteudo">
        Pular para o conteúdo
      </a>
      <header className="portal-header">
        <Link to="/cidadao" className="portal-brand">
          <span className="portal-brand-mark" aria-hidden="true">
            C
          </span>
          Correios <span className="portal-brand-sub">Serviços ao cidadão</span>
        </Link>
        {citizen && (
          <span className="portal-citizen" data-testid="citizen-header">
            {citizen.name ?? 'Cidadão'} · {citizen.document}
          </span>
        )}
      </header>
      <nav className="portal-nav" aria-label="Serviços do portal">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={path.startsWith(item.to) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="conteudo" className="portal-main">
        <h1>{title}</h1>
        {children}
      </main>
      <footer className="portal-footer">
        STER – Sistema de Serviços de Terceiros dos Correios. Seus dados são usados só para o
        serviço que você pediu.
      </footer>
    </>
  );
}
