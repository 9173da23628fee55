import { useEffect, useRef } from 'react';
import type { Protocol } from '@web/api/types.ts';
import { MODALITY_LABELS } from '@web/lookup/labels.ts';
import { Link } from '@web/router.tsx';
import { formatDateTime } from '@shared/time.ts';

export type SearchResultsProps = { protocols: Protocol[] };

/** The result table of "Consulta Protocolo", with the action to continue a pre-attendance. */
export function SearchResults({ protocols }: SearchResultsProps) {
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    table.current?.querySelector<HTMLAnchorElement>('tbody a')?.focus();
  }, [protocols]);

  if (protocols.length === 0) {
    return (
      <p className="empty" role="status">
        Nenhum protocolo encontrado.
      </p>
    );
  }

  return (
    <table className="grid" ref={table}>
      <caption>{protocols.length} protocolo(s) encontrado(s)</caption>
      <thead>
        <tr>
          <th scope="col">Protocolo</th>
          <th scope="col">CPF/CNPJ</th>
          <th scope="col">Cliente</th>
          <th scope="col">Contrato</th>
          <th scope="col">Serviço</th>
          <th scope="col">Agência</th>
          <th scope="col">Usuário</th>
          <th scope="col">Modalidade</th>
          <th scope="col">Situação</th>
          <th scope="col">Data</th>
          <th scope="col">Ação</th>
        </tr>
      </thead>
      <tbody>
        {protocols.map((protocol) => (
          <tr key={protocol.code}>
            <td className="mono">{protocol.code}</td>
            <td className="mono">{protocol.citizen.document}</td>
            <td>{protocol.client.name}</td>
            <td className="mono">{protocol.contract.number}</td>
            <td>{protocol.service.name}</td>
            <td>{protocol.agency?.name ?? '—'}</td>
            <td>{protocol.citizen.name ?? '—'}</td>
            <td>{MODALITY_LABELS[protocol.modality]}</td>
            <td>
              <span className={`status status-${protocol.status}`}>{protocol.statusLabel}</span>
            </td>
            <td>{formatDateTime(protocol.createdAt)}</td>
            <td>
              <Link
                to={`/ster/protocolo/${protocol.code}`}
                className="button button-small"
                aria-label={`${protocol.status === 'preAttendance' ? 'Continuar' : 'Ver'} protocolo ${protocol.code}`}
              >
                {protocol.status === 'preAttendance' ? 'Continuar' : 'Ver'}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
