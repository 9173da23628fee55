import type { Protocol } from '@web/api/types.ts';
import { formatDateTime } from '@shared/time.ts';

export type PendingTableProps = {
  protocols: Protocol[];
  loading: boolean;
  selected: string | null;
  onSelect: (code: string) => void;
  onOpen: (code: string) => void;
};

/**
 * The grid of pending protocols. Each row has a radio button, so arrow keys move the selection
 * and Enter generates the attendance of the selected one.
 */
export function PendingTable({
  protocols,
  loading,
  selected,
  onSelect,
  onOpen,
}: PendingTableProps) {
  if (loading && protocols.length === 0) {
    return <p role="status">Carregando protocolos…</p>;
  }
  if (protocols.length === 0) {
    return (
      <p className="empty" role="status">
        Nenhum protocolo pendente.
      </p>
    );
  }

  return (
    <table className="grid">
      <caption className="visually-hidden">Protocolos pendentes: selecione com as setas</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Selecionar</span>
          </th>
          <th scope="col">Protocolo</th>
          <th scope="col">Serviço</th>
          <th scope="col">Descrição</th>
          <th scope="col">Usuário</th>
          <th scope="col">Data de criação</th>
        </tr>
      </thead>
      <tbody>
        {protocols.map((protocol, index) => {
          const isSelected = protocol.code === selected;

          return (
            <tr
              key={protocol.code}
              className={isSelected ? 'row-selected' : undefined}
              onClick={() => onSelect(protocol.code)}
              onDoubleClick={() => onOpen(protocol.code)}
            >
              <td>
                <input
                  type="radio"
                  name="pending-protocol"
                  aria-label={`Protocolo ${protocol.code}`}
                  autoFocus={index === 0}
                  checked={isSelected}
                  onChange={() => onSelect(protocol.code)}
                  onKeyDown={(event) => event.key === 'Enter' && onOpen(protocol.code)}
                />
              </td>
              <td className="mono">{protocol.code}</td>
              <td className="mono">{protocol.service.code}</td>
              <td>
                {protocol.service.name}
                <span className="cell-sub">{protocol.client.name}</span>
              </td>
              <td>
                <span className="mono">{protocol.citizen.document}</span> {protocol.citizen.name}
              </td>
              <td>{formatDateTime(protocol.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
