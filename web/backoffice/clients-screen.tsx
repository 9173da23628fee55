import type { Client } from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { CLIENT_FIELDS } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { CLIENT_KINDS, labelOf, yesNo } from '@web/backoffice/labels.ts';
import { Link } from '@web/router.tsx';
import { formatCnpj } from '@shared/documents.ts';

/** Clients: the companies and public bodies under contract with the post. */
export function ClientsScreen() {
  return (
    <BackofficeFrame title="Retaguarda – clientes">
      <CrudSection<Client>
        title="Clientes"
        noun="cliente"
        listPath="/clients"
        itemsKey="clients"
        createPath="/clients"
        updatePath={(row) => `/clients/${row.id}`}
        fields={CLIENT_FIELDS}
        rowName={(row) => `cliente ${row.code}`}
        filters={[
          { name: 'q', label: 'Nome ou sigla' },
          { name: 'kind', label: 'Tipo', options: CLIENT_KINDS },
          { name: 'active', label: 'Situação', options: { true: 'Ativos', false: 'Inativos' } },
        ]}
        columns={[
          { label: 'Sigla', render: (row) => <span className="mono">{row.code}</span> },
          { label: 'Nome', render: (row) => row.name },
          { label: 'CNPJ', render: (row) => <span className="mono">{formatCnpj(row.cnpj)}</span> },
          { label: 'Tipo', render: (row) => labelOf(CLIENT_KINDS, row.kind) },
          { label: 'Ativo', render: (row) => yesNo(row.active) },
        ]}
        rowActions={(row) => (
          <Link to={`/backoffice/clientes/${row.id}`} className="button button-small">
            Contratos e serviços<span className="visually-hidden"> de {row.code}</span>
          </Link>
        )}
      />
    </BackofficeFrame>
  );
}
