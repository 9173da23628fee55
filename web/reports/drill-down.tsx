import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { ErrorMessage } from '@web/components/error-message.tsx';
import { toApiError } from '@web/components/use-load.ts';
import { MODALITY_LABELS } from '@web/lookup/labels.ts';
import {
  reportsApi,
  type DrillDownProtocol,
  type ReportFilters,
} from '@web/reports/reports-api.ts';
import { Link } from '@web/router.tsx';
import { formatBRL } from '@shared/money.ts';
import { formatDateTime } from '@shared/time.ts';

export type DrillDownProps = {
  title: string;
  filters: ReportFilters & { day?: string };
  onClose: () => void;
};

/** The protocols behind one report row, newest first, fifty at a time. */
export function DrillDown({ title, filters, onClose }: DrillDownProps) {
  const [protocols, setProtocols] = useState<DrillDownProtocol[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = async (after?: string) => {
    setBusy(true);
    setError(null);
    try {
      const page = await reportsApi.protocols(filters, after);
      setProtocols((previous) => (after ? [...previous, ...page.protocols] : page.protocols));
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    heading.current?.focus();
    void load();
    // Loaded once per opening: the parent remounts this panel for another row.
  }, []);

  return (
    <section className="panel" aria-labelledby="drill-down-title">
      <h2 id="drill-down-title" tabIndex={-1} ref={heading}>
        Protocolos: {title}
      </h2>
      <ErrorMessage error={error} onRetry={() => void load()} />
      <table className="grid">
        <caption>{protocols.length} protocolo(s) listado(s)</caption>
        <thead>
          <tr>
            <th scope="col">Protocolo</th>
            <th scope="col">Data</th>
            <th scope="col">Situação</th>
            <th scope="col">Modalidade</th>
            <th scope="col">Serviço</th>
            <th scope="col">Agência</th>
            <th scope="col">Atendente</th>
            <th scope="col">CPF/CNPJ</th>
            <th scope="col" className="number">
              Valor
            </th>
          </tr>
        </thead>
        <tbody>
          {protocols.map((protocol) => (
            <tr key={protocol.code}>
              <td className="mono">
                <Link to={`/ster/protocolo/${protocol.code}`}>{protocol.code}</Link>
              </td>
              <td>{formatDateTime(protocol.createdAt)}</td>
              <td>
                <span className={`status status-${protocol.status}`}>{protocol.statusLabel}</span>
              </td>
              <td>{MODALITY_LABELS[protocol.modality]}</td>
              <td>{protocol.service}</td>
              <td>{protocol.agency ?? 'Internet'}</td>
              <td className="mono">{protocol.attendant ?? '—'}</td>
              <td className="mono">{protocol.citizenDocument}</td>
              <td className="number">{formatBRL(protocol.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {cursor && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void load(cursor)}
          >
            Carregar mais
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={onClose}>
          Fechar
        </button>
      </div>
    </section>
  );
}
