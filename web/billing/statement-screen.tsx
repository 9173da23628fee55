import { useState } from 'react';
import { newIdempotencyKey, type ApiError } from '@web/api/client.ts';
import { billingApi, type Statement } from '@web/billing/billing-api.ts';
import { DeliveryPanel } from '@web/billing/delivery-panel.tsx';
import { periodLabel, STATUS_LABELS } from '@web/billing/labels.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Layout } from '@web/components/layout.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { Link } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';
import { formatDate, formatDateTime } from '@shared/time.ts';

export type StatementScreenProps = { id: string };

/** One statement: totals per service, every line, issue, downloads and the ERP's answers. */
export function StatementScreen({ id }: StatementScreenProps) {
  const load = useLoad(() => billingApi.statement(id), [id]);
  const [issued, setIssued] = useState<Statement | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per screen: issuing again after a lost answer replays it instead of failing.
  const [issueKey] = useState(newIdempotencyKey);
  const statement = issued ?? load.data;

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setIssued(await billingApi.issue(id, issueKey));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title={statement ? `Extrato ${statement.number}` : 'Extrato'} system="STER">
      <p>
        <Link to="/ster/faturamento">Voltar aos extratos</Link>
      </p>
      <ErrorMessage error={load.error} onRetry={load.reload} />
      {statement && (
        <>
          <dl className="details">
            <dt>Cliente</dt>
            <dd>{statement.client.name}</dd>
            <dt>Contrato</dt>
            <dd>{statement.contract.number}</dd>
            <dt>Período</dt>
            <dd>{periodLabel(statement.periodStart, statement.periodEnd)}</dd>
            <dt>Situação</dt>
            <dd data-testid="statement-status">
              {STATUS_LABELS[statement.status]}
              {statement.issuedAt && ` em ${formatDateTime(statement.issuedAt)}`}
            </dd>
            <dt>Total</dt>
            <dd>{formatBRL(statement.totalCents)}</dd>
          </dl>
          <div className="actions">
            {statement.status === 'draft' && (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void issue()}
              >
                Emitir extrato
              </button>
            )}
            <a className="button" href={billingApi.csvUrl(statement.id)} download>
              Baixar CSV
            </a>
            <a className="button" href={billingApi.jsonUrl(statement.id)} download>
              Baixar JSON
            </a>
          </div>
          <ErrorMessage error={error} />
          {statement.status === 'issued' && (
            <p className="alert alert-success" role="status">
              Extrato emitido: não pode mais ser alterado e segue para o ERP.
            </p>
          )}
          <ServiceTotals statement={statement} />
          <StatementLines statement={statement} />
          {statement.status === 'issued' && <DeliveryPanel statementId={statement.id} />}
        </>
      )}
    </Layout>
  );
}

function ServiceTotals({ statement }: { statement: Statement }) {
  return (
    <table className="grid">
      <caption>Totais por serviço</caption>
      <thead>
        <tr>
          <th scope="col">Serviço</th>
          <th scope="col">Protocolos</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {statement.totalsByService.map((total) => (
          <tr key={total.serviceCode}>
            <td>
              {total.serviceCode} {total.serviceName}
            </td>
            <td>{total.protocolCount}</td>
            <td>{formatBRL(total.totalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatementLines({ statement }: { statement: Statement }) {
  if (statement.lines.length === 0) {
    return (
      <p className="empty" role="status">
        Nenhum protocolo a faturar neste período.
      </p>
    );
  }

  return (
    <table className="grid">
      <caption>Linhas do extrato</caption>
      <thead>
        <tr>
          <th scope="col">Protocolo</th>
          <th scope="col">Tipo</th>
          <th scope="col">Serviço</th>
          <th scope="col">Descrição</th>
          <th scope="col">Data</th>
          <th scope="col">Agência</th>
          <th scope="col">Qtde.</th>
          <th scope="col">Unitário</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {statement.lines.map((line) => (
          <tr key={line.lineNumber}>
            <td>{line.protocolCode}</td>
            <td>{line.kind === 'charge' ? 'Cobrança' : 'Crédito'}</td>
            <td>{line.serviceCode}</td>
            <td>{line.description}</td>
            <td>{formatDate(line.occurredOn)}</td>
            <td>{line.agencyName ?? 'Virtual'}</td>
            <td>{line.quantity}</td>
            <td>{formatBRL(line.unitCents)}</td>
            <td>{formatBRL(line.totalCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
