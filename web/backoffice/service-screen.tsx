import { useState } from 'react';
import {
  backofficeApi,
  type AssociatedItem,
  type Contract,
  type Service,
  type Tariff,
} from '@web/backoffice/backoffice-api.ts';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { ITEM_FIELDS, serviceFields, tariffFields } from '@web/backoffice/catalogue-fields.ts';
import { CrudSection } from '@web/backoffice/crud-section.tsx';
import { ATTENDANCE_TYPES, labelOf, showDate, SOLUTIONS, yesNo } from '@web/backoffice/labels.ts';
import { RecordForm } from '@web/backoffice/record-form.tsx';
import { Dialog } from '@web/components/dialog.tsx';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';

export type ServiceScreenProps = { serviceId: string };

/** One service: its settings, its tariffs per validity period, its associated items. */
export function ServiceScreen({ serviceId }: ServiceScreenProps) {
  const load = useLoad(async () => {
    const { service } = await backofficeApi.get<{ service: Service }>(`/services/${serviceId}`);
    const { contracts } = await backofficeApi.list<{ contracts: Contract[] }>(
      `/clients/${service.clientId}/contracts`,
      { limit: '100' },
    );

    return { service, contracts };
  }, [serviceId]);
  const [editing, setEditing] = useState(false);
  const service = load.data?.service;
  const contracts = Object.fromEntries(
    (load.data?.contracts ?? []).map((contract) => [contract.id, contract.number]),
  );

  return (
    <BackofficeFrame title={service ? `Serviço ${service.code} – ${service.name}` : 'Serviço'}>
      <p className="muted breadcrumbs">
        <Link to="/backoffice/clientes">Clientes</Link> ›{' '}
        {service && <Link to={`/backoffice/clientes/${service.clientId}`}>Cliente</Link>} › Serviço
      </p>
      <ErrorMessage catalogue error={load.error} onRetry={load.reload} />
      {service && (
        <>
          <dl className="summary">
            <dt>Solução</dt>
            <dd>{labelOf(SOLUTIONS, service.solution)}</dd>
            <dt>Atendimentos</dt>
            <dd>
              {service.attendanceTypes.map((type) => labelOf(ATTENDANCE_TYPES, type)).join(', ')}
            </dd>
            <dt>Contrato</dt>
            <dd>{contracts[service.contractId] ?? '—'}</dd>
            <dt>Ativo</dt>
            <dd>{yesNo(service.active)}</dd>
          </dl>
          <div className="actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Editar serviço
            </button>
            {service.solution === 'hostedForm' && (
              <Link
                to={`/backoffice/servicos/${service.id}/formulario`}
                className="button button-primary"
              >
                Formulário do serviço
              </Link>
            )}
          </div>
          <Dialog title="Editar serviço" open={editing} onClose={() => setEditing(false)}>
            {editing && (
              <RecordForm
                key={service.version}
                fields={serviceFields(contracts)}
                record={service as unknown as Record<string, unknown>}
                submitLabel="Salvar"
                onSubmit={async (body) => {
                  await backofficeApi.update(`/services/${service.id}`, body, service.version);
                  setEditing(false);
                  load.reload();
                }}
                onCancel={() => setEditing(false)}
                onStale={() => {
                  setEditing(false);
                  load.reload();
                }}
              />
            )}
          </Dialog>
          <CrudSection<Tariff>
            title="Tarifas"
            noun="tarifa"
            createLabel="Nova tarifa"
            listPath={`/services/${serviceId}/tariffs`}
            itemsKey="tariffs"
            createPath={`/services/${serviceId}/tariffs`}
            updatePath={(row) => `/tariffs/${row.id}`}
            fields={tariffFields(contracts)}
            rowName={(row) => `tarifa desde ${showDate(row.validFrom)}`}
            columns={[
              { label: 'Contrato', render: (row) => contracts[row.contractId] ?? '—' },
              {
                label: 'Valor',
                render: (row) => <span className="num">{formatBRL(row.amountCents)}</span>,
              },
              { label: 'Início', render: (row) => showDate(row.validFrom) },
              { label: 'Fim', render: (row) => showDate(row.validTo) },
              { label: 'Usada em protocolos', render: (row) => yesNo(row.inUse) },
            ]}
          />
          <CrudSection<AssociatedItem>
            title="Itens associados"
            noun="item associado"
            listPath={`/services/${serviceId}/associated-items`}
            itemsKey="items"
            createPath={`/services/${serviceId}/associated-items`}
            updatePath={(row) => `/associated-items/${row.id}`}
            fields={ITEM_FIELDS}
            rowName={(row) => `item ${row.code}`}
            columns={[
              { label: 'Código', render: (row) => <span className="mono">{row.code}</span> },
              { label: 'Descrição', render: (row) => row.description },
              { label: 'Valor unitário', render: (row) => formatBRL(row.unitAmountCents) },
              { label: 'Quantidade', render: (row) => row.quantity },
              { label: 'Ativo', render: (row) => yesNo(row.active) },
            ]}
          />
        </>
      )}
    </BackofficeFrame>
  );
}
