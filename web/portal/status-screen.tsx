import { useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { toApiError } from '@web/components/use-load.ts';
import { portalApi, type Proof, type ProtocolStatusView } from '@web/portal/portal-api.ts';
import { PortalError } from '@web/portal/portal-error.tsx';
import { PortalLayout } from '@web/portal/portal-layout.tsx';
import { ProofForm } from '@web/portal/proof-form.tsx';
import { formatProtocolCode } from '@shared/protocol/protocol-code.ts';
import { formatDate, formatDateTime } from '@shared/time.ts';

/** "Consultar protocolo": the status and its dates, for whoever knows the code and the CPF. */
export function StatusScreen() {
  const [result, setResult] = useState<ProtocolStatusView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (proof: Proof) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult((await portalApi.status(proof)).protocol);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalLayout title="Consultar protocolo">
      <p>Informe o código do protocolo e o CPF (ou CNPJ) usado no atendimento.</p>
      <ProofForm
        submitLabel="Consultar"
        busy={busy}
        serverFields={error?.fields}
        onSubmit={lookUp}
      />
      <PortalError error={error} />
      {result && (
        <section className="panel" aria-labelledby="status-title" data-testid="status-result">
          <h2 id="status-title">
            Protocolo <span className="mono">{formatProtocolCode(result.code)}</span>
          </h2>
          <p className="status-line">
            Situação: <strong data-testid="status-label">{result.statusLabel}</strong>
          </p>
          <dl className="facts">
            <dt>Serviço</dt>
            <dd>
              {result.client.name} – {result.service.name}
            </dd>
            <dt>Tipo</dt>
            <dd>{result.attendanceTypeLabel}</dd>
            <dt>Agência</dt>
            <dd>{result.agency ? result.agency.name : 'Nenhuma (ainda não atendido no balcão)'}</dd>
            <dt>Criado em</dt>
            <dd>{formatDateTime(result.createdAt)}</dd>
            {result.status === 'preAttendance' && result.expiresAt && (
              <>
                <dt>Válido até</dt>
                <dd>{formatDate(result.expiresAt)}</dd>
              </>
            )}
          </dl>
          <h3>Situações e datas</h3>
          <ol className="timeline">
            {result.dates.map((date) => (
              <li key={date.status}>
                <strong>{date.label}</strong>: {formatDateTime(date.at)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </PortalLayout>
  );
}
