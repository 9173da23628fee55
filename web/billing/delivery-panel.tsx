import { billingApi } from '@web/billing/billing-api.ts';
import { DELIVERY_LABELS } from '@web/billing/labels.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { useLoad } from '@web/components/use-load.ts';
import { formatDateTime } from '@shared/time.ts';

export type DeliveryPanelProps = { statementId: string };

/** The statement's deliveries to the ERP, with their attempts, and what the ERP answered. */
export function DeliveryPanel({ statementId }: DeliveryPanelProps) {
  const load = useLoad(() => billingApi.deliveries(statementId), [statementId]);
  const replay = async (deliveryId: number) => {
    await billingApi.replay(statementId, deliveryId);
    load.reload();
  };

  return (
    <section aria-labelledby="erp-title">
      <h2 id="erp-title">Envio ao ERP</h2>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      <button type="button" className="button button-small" onClick={load.reload}>
        Atualizar
      </button>
      <ul>
        {(load.data?.deliveries ?? []).map((delivery) => (
          <li key={delivery.id}>
            {DELIVERY_LABELS[delivery.status] ?? delivery.status} · {delivery.attempts} tentativa(s)
            {delivery.lastError && ` · último erro: ${delivery.lastError}`}{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => void replay(delivery.id)}
            >
              Reenviar
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label="Confirmações do ERP">
        {(load.data?.acknowledgements ?? []).map((ack) => (
          <li key={`${ack.receivedAt}-${ack.erpReference}`}>
            {ack.accepted ? 'Aceito' : 'Recusado'} pelo ERP em {formatDateTime(ack.receivedAt)}
            {ack.erpReference && ` (recibo ${ack.erpReference})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
