import type { ReactNode } from 'react';
import { useSession } from '@web/auth/session.tsx';
import { BACK_OFFICE_ROLES, Layout } from '@web/components/layout.tsx';
import { Link, usePath } from '@web/router.tsx';

export type BackofficeFrameProps = { title: string; children: ReactNode };

const SECTIONS = [
  { to: '/backoffice/clientes', label: 'Clientes e contratos' },
  { to: '/backoffice/servicos', label: 'Serviços' },
  { to: '/backoffice/agencias', label: 'Agências' },
  { to: '/backoffice/funcionarios', label: 'Funcionários' },
  { to: '/backoffice/parceiros', label: 'Parceiros' },
  { to: '/backoffice/importacao', label: 'Importar do ERP' },
  { to: '/backoffice/alteracoes', label: 'Histórico de alterações' },
] as const;

/**
 * Every back-office screen: the staff layout, the back office's own menu, and the role check.
 * The API refuses counter staff anyway (403); this says so plainly instead of a broken screen.
 */
export function BackofficeFrame({ title, children }: BackofficeFrameProps) {
  const { staff } = useSession();
  const path = usePath();
  if (!BACK_OFFICE_ROLES.includes(staff.role)) {
    return (
      <Layout title="Sem permissão" system="STER">
        <div className="alert alert-error" role="alert">
          <strong>Sem permissão</strong>
          <p>
            A retaguarda do STER é só para a equipe de retaguarda e administradores. Seu perfil não
            tem acesso a esta tela.
          </p>
        </div>
        <p>
          <Link to="/">Voltar ao início</Link>
        </p>
      </Layout>
    );
  }

  return (
    <Layout title={title} system="STER">
      <nav className="subnav" aria-label="Retaguarda">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <Link to={section.to} aria-current={path.startsWith(section.to) ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}
