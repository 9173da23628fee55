import { useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { BackofficeFrame } from '@web/backoffice/backoffice-frame.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import { PROTOCOL_STATUS_LABELS, type ProtocolStatus } from '@shared/protocol/lifecycle.ts';
import { formatDateTime } from '@shared/time.ts';
import { partnersApi, type Delivery } from '@web/backoffice-partners/partners-api.ts';

const STATUS_LABELS: Record<Delivery['status'], string> = {
  pending: 'Pendente',
  delivered: 'Entregue',
  failed: 'Falhou',
};

const SUBSCRIBER_LABELS: Record<string, string> = {
  partnerCallback: 'Confirmação',
  partnerSubmission: 'Envio do formulário',
};

export type DeliveryLogProps = { id: string };

function Attempts({ delivery }: { delivery: Delivery }) {
  if (delivery.attemptLog.length === 0) {
    return <span className="muted">Nenhuma tentativa ainda</span>;
  }

  return (
    <details>
      <summary>{delivery.attemptLog.length} tentativa(s)</summary>
      <ol>
        {delivery.attemptLog.map((attempt) => (
          <li key={attempt.attemptedAt + String(attempt.durationMs)}>
            {formatDateTime(attempt.attemptedAt)}:{' '}
            {attempt.statusCode === null ? 'sem resposta' : `HTTP ${attempt.statusCode}`}
            {attempt.error ? ` (${attempt.error})` : ''}, {attempt.durationMs} ms
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What STER sent the partner, each attempt, and a replay for what it lost or mishandled. */
export function DeliveryLog({ id }: DeliveryLogProps) {
  const load = useLoad(() => partnersApi.deliveries(id), [id]);
  const [error, setError] = useState<ApiError | null>(null);
  const [replayed, setReplayed] = useState<Delivery | null>(null);

  const replay = async (delivery: Delivery) => {
    setError(null);
    try {
      await partnersApi.replay(id, delivery.id);
      setReplayed(delivery);
      load.reload();
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  return (
    <BackofficeFrame title="Registro de entregas ao parceiro">
      <p className="breadcrumbs">
        <Link to="/backoffice/parceiros">Parceiros</Link> ›{' '}
        <Link to={`/backoffice/parceiros/${id}`}>Parceiro</Link>
      </p>
      {replayed && (
        <p className="alert alert-success" role="status">
          Entrega {replayed.id} (protocolo {replayed.protocolCode}) reenfileirada.
        </p>
      )}
      <ErrorMessage error={error ?? load.error} onRetry={load.reload} />
      {load.loading && !load.data && <p role="status">Carregando entregas…</p>}
      {load.data && load.data.deliveries.length === 0 && (
        <p className="empty" role="status">
          Nenhuma entrega registrada.
        </p>
      )}
      {load.data && load.data.deliveries.length > 0 && (
        <table className="grid">
          <caption className="visually-hidden">Entregas ao parceiro</caption>
          <thead>
            <tr>
              <th scope="col">Protocolo</th>
              <th scope="col">Tipo</th>
              <th scope="col">Situação do protocolo</th>
              <th scope="col">Entrega</th>
              <th scope="col">Tentativas</th>
              <th scope="col">Ações</th>
            </tr>
          </thead>
          <tbody>
            {load.data.deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td className="mono">{delivery.protocolCode}</td>
                <td>{SUBSCRIBER_LABELS[delivery.subscriber] ?? delivery.subscriber}</td>
                <td>
                  {PROTOCOL_STATUS_LABELS[delivery.toStatus as ProtocolStatus] ?? delivery.toStatus}
                </td>
                <td>
                  {STATUS_LABELS[delivery.status]}
                  {delivery.lastError && (
                    <span className="cell-sub">Último erro: {delivery.lastError}</span>
                  )}
                </td>
                <td>
                  <Attempts delivery={delivery} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Reenviar entrega ${delivery.id} do protocolo ${delivery.protocolCode}`}
                    onClick={() => void replay(delivery)}
                  >
                    Reenviar
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BackofficeFrame>
  );
}
