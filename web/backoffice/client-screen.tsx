import {
  backofficeApi,
  type Client,
  type Contract,
  type Page,
  type Service,
} from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { CONTRACT_FIELDS, serviceFields } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { contractSource } from '@web/backoffice/picker-sources.ts';
import { labelOf, MODALITIES, showDate, SOLUTIONS, yesNo } from '@web/backoffice/labels.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';

export type ClientScreenProps = { clientId: string };

/** One client: its contracts, and the services sold under them. */
export function ClientScreen({ clientId }: ClientScreenProps) {
  const load = useLoad(async () => {
    const [client, contracts] = await Promise.all([
      backofficeApi.get<{ client: Client }>(`/clients/${clientId}`),
      // Names for the services list; the service form searches every contract of the client.
      backofficeApi.list<{ contracts: Contract[]; page: Page }>(`/clients/${clientId}/contracts`, {
        limit: '100',
      }),
    ]);

    return { client: client.client, contracts: contracts.contracts, total: contracts.page.total };
  }, [clientId]);
  const client = load.data?.client;
  const contractOptions = Object.fromEntries(
    (load.data?.contracts ?? []).map((contract) => [contract.id, contract.number]),
  );

  const hasContracts = (load.data?.total ?? 0) > 0;

  return (
    <BackofficeFrame title={client ? `Cliente ${client.code} – ${client.name}` : 'Cliente'}>
      <p className="muted breadcrumbs">
        <Link to="/backoffice/clientes">Clientes</Link> › {client?.code ?? '…'}
      </p>
      <ErrorMessage catalogue error={load.error} onRetry={load.reload} />
      {client && (
        <>
          <CrudSection<Contract>
            title="Contratos"
            noun="contrato"
            listPath={`/clients/${clientId}/contracts`}
            itemsKey="contracts"
            createPath={`/clients/${clientId}/contracts`}
            updatePath={(row) => `/contracts/${row.id}`}
            fields={CONTRACT_FIELDS}
            onSaved={load.reload}
            rowName={(row) => `contrato ${row.number}`}
            filters={[{ name: 'q', label: 'Número do contrato' }]}
            columns={[
              { label: 'Número', render: (row) => <span className="mono">{row.number}</span> },
              {
                label: 'Cód. Adm.',
                render: (row) => <span className="mono">{row.adminCode}</span>,
              },
              { label: 'Cartão', render: (row) => <span className="mono">{row.postalCard}</span> },
              { label: 'Modalidade', render: (row) => labelOf(MODALITIES, row.modality) },
              {
                label: 'Vigência',
                render: (row) => `${showDate(row.validFrom)} a ${showDate(row.validTo)}`,
              },
              { label: 'Itens associados', render: (row) => yesNo(row.allowsAssociatedItems) },
              { label: 'Ativo', render: (row) => yesNo(row.active) },
            ]}
          />
          <CrudSection<Service>
            key={Object.keys(contractOptions).join()}
            title="Serviços"
            noun="serviço"
            listPath="/services"
            itemsKey="services"
            fixedQuery={{ clientId }}
            createPath={hasContracts ? '/services' : undefined}
            updatePath={(row) => `/services/${row.id}`}
            fields={serviceFields(contractOptions, contractSource(clientId))}
            rowName={(row) => `serviço ${row.code}`}
            filters={[{ name: 'q', label: 'Nome ou código' }]}
            columns={[
              { label: 'Código', render: (row) => <span className="mono">{row.code}</span> },
              { label: 'Nome', render: (row) => row.name },
              { label: 'Solução', render: (row) => labelOf(SOLUTIONS, row.solution) },
              { label: 'Contrato', render: (row) => contractOptions[row.contractId] ?? '—' },
              { label: 'Ativo', render: (row) => yesNo(row.active) },
            ]}
            rowActions={(row) => (
              <Link to={`/backoffice/servicos/${row.id}`} className="button button-small">
                Tarifas e formulário<span className="visually-hidden"> de {row.code}</span>
              </Link>
            )}
          />
          {!hasContracts && (
            <p className="muted">Cadastre um contrato para poder cadastrar serviços.</p>
          )}
        </>
      )}
    </BackofficeFrame>
  );
}
