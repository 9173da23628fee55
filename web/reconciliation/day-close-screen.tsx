import { useState, type FormEvent } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { Layout } from '@web/components/layout.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { AgencyField } from '@web/reconciliation/agency-field.tsx';
import { DayField } from '@web/reconciliation/day-field.tsx';
import { reconciliationApi, type DayClose } from '@web/reconciliation/reconciliation-api.ts';
import { formatBRL } from '@shared/money.ts';
import { formatDateTime, localDate } from '@shared/time.ts';

/** "Fechamento do caixa": the day's cash attendances per attendant and till, and closing it. */
export function DayCloseScreen() {
  const [date, setDate] = useState(localDate(new Date()));
  const [agencyId, setAgencyId] = useState('');
  const [summary, setSummary] = useState<DayClose | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (work: () => Promise<DayClose>) => {
    setError(null);
    try {
      setSummary(await work());
    } catch (failure) {
      setError(toApiError(failure));
    }
  };
  const show = (event: FormEvent) => {
    event.preventDefault();
    void run(() => reconciliationApi.dayClose(date, agencyId));
  };
  const fieldError = (name: string) => error?.fields.find((f) => f.field.endsWith(name))?.message;

  return (
    <Layout title="Fechamento do caixa" system="STER">
      <form className="toolbar" onSubmit={show} aria-label="Escolher o dia">
        <AgencyField value={agencyId} onChange={setAgencyId} error={fieldError('agencyId')} />
        <DayField
          label="Dia do movimento"
          value={date}
          onChange={setDate}
          error={fieldError('date')}
        />
        <button type="submit" className="button button-primary">
          Ver movimento
        </button>
      </form>
      <ErrorMessage error={error} />
      {summary && (
        <>
          <table className="grid">
            <caption>
              Atendimentos à vista de {summary.agency.name} em{' '}
              {summary.date.split('-').reverse().join('/')}
            </caption>
            <thead>
              <tr>
                <th scope="col">Atendente</th>
                <th scope="col">Caixa</th>
                <th scope="col">Atendimentos</th>
                <th scope="col">Valor</th>
                <th scope="col">Estornos</th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((row) => (
                <tr key={`${row.registration}-${row.till}`}>
                  <td>
                    {row.registration} {row.name}
                  </td>
                  <td>{row.till}</td>
                  <td>{row.count}</td>
                  <td>{formatBRL(row.totalCents)}</td>
                  <td>{formatBRL(row.reversedCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total líquido
                </th>
                <td>{summary.totals.count}</td>
                <td data-testid="day-net">{formatBRL(summary.totals.netCents)}</td>
                <td>{formatBRL(summary.totals.reversedCents)}</td>
              </tr>
            </tfoot>
          </table>
          {summary.closed ? (
            <p className="alert alert-success" role="status">
              Dia fechado por {summary.closed.closedByLabel} em{' '}
              {formatDateTime(summary.closed.closedAt)}.
            </p>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => void run(() => reconciliationApi.closeDay(date, agencyId))}
            >
              Fechar o dia
            </button>
          )}
        </>
      )}
    </Layout>
  );
}
