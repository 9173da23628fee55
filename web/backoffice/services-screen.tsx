import type { Service } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { serviceFields } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { labelOf, SOLUTIONS, yesNo } from '@web/backoffice/labels.ts';
import { Link } from '@web/router.tsx';

/** Every service of every client; new services are created from their client's page. */
export function ServicesScreen() {
  return (
    <BackofficeFrame title="Retaguarda – serviços">
      <p className="muted">
        Para cadastrar um serviço, abra o cliente em <Link to="/backoffice/clientes">Clientes</Link>
        : o serviço pertence a um contrato dele.
      </p>
      <CrudSection<Service>
        title="Serviços"
        noun="serviço"
        listPath="/services"
        itemsKey="services"
        updatePath={(row) => `/services/${row.id}`}
        fields={serviceFields({})}
        rowName={(row) => `serviço ${row.code}`}
        filters={[
          { name: 'q', label: 'Nome ou código' },
          { name: 'active', label: 'Situação', options: { true: 'Ativos', false: 'Inativos' } },
        ]}
        columns={[
          { label: 'Código', render: (row) => <span className="mono">{row.code}</span> },
          { label: 'Nome', render: (row) => row.name },
          { label: 'Solução', render: (row) => labelOf(SOLUTIONS, row.solution) },
          { label: 'Ativo', render: (row) => yesNo(row.active) },
        ]}
        rowActions={(row) => (
          <Link to={`/backoffice/servicos/${row.id}`} className="button button-small">
            Tarifas e formulário<span className="visually-hidden"> de {row.code}</span>
          </Link>
        )}
      />
    </BackofficeFrame>
  );
}
