import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { billingApi } from '@web/billing/billing-api.ts';
import { periodLabel, STATUS_LABELS } from '@web/billing/labels.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Field } from '@web/components/field.tsx';
import { Layout } from '@web/components/layout.tsx';
import { toApiError, useLoad } from '@web/components/use-load.ts';
import { Link, navigate } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';

/** "Faturamento": the statements, and generating one for a contract and period. */
export function StatementsScreen() {
  const contracts = useLoad(() => billingApi.contracts(), []);
  const statements = useLoad(() => billingApi.statements(), []);
  const [contractId, setContractId] = useState('');
  const [day, setDay] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const statement = await billingApi.generate(contractId, day || undefined);
      navigate(`/ster/faturamento/${statement.id}`);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string) => error?.fields.find((f) => f.field === name)?.message;

  return (
    <Layout title="Faturamento – extratos" system="STER">
      <ErrorMessage error={contracts.error ?? statements.error} />
      <form className="toolbar" onSubmit={submit} aria-label="Gerar extrato">
        <Field label="Contrato" required error={fieldError('body.contractId')}>
          {(props) => (
            <select
              {...props}
              required
              value={contractId}
              onChange={(event) => setContractId(event.target.value)}
            >
              <option value="">Escolha o contrato</option>
              {(contracts.data?.contracts ?? []).map((contract) => (
                <option key={contract.id} value={contract.id}>
                  {contract.number} – {contract.clientName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Um dia do período"
          help="Vazio: o último período encerrado."
          error={fieldError('body.day')}
        >
          {(props) => (
            <input {...props} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          Gerar extrato
        </button>
      </form>
      <ErrorMessage error={error} />
      <table className="grid">
        <caption>Extratos</caption>
        <thead>
          <tr>
            <th scope="col">Extrato</th>
            <th scope="col">Cliente</th>
            <th scope="col">Período</th>
            <th scope="col">Situação</th>
            <th scope="col">Linhas</th>
            <th scope="col">Total</th>
            <th scope="col">ERP</th>
          </tr>
        </thead>
        <tbody>
          {(statements.data?.statements ?? []).map((statement) => (
            <tr key={statement.id}>
              <td>
                <Link to={`/ster/faturamento/${statement.id}`}>{statement.number}</Link>
              </td>
              <td>{statement.clientName}</td>
              <td>{periodLabel(statement.periodStart, statement.periodEnd)}</td>
              <td>{STATUS_LABELS[statement.status]}</td>
              <td>{statement.lineCount}</td>
              <td>{formatBRL(statement.totalCents)}</td>
              <td>
                {statement.acknowledged === null
                  ? '—'
                  : statement.acknowledged
                    ? 'Confirmado'
                    : 'Recusado'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {statements.data?.statements.length === 0 && (
        <p className="empty" role="status">
          Nenhum extrato gerado ainda.
        </p>
      )}
    </Layout>
  );
}
