import type { Receipt } from '@web/api/types.ts';
import { Barcode } from '@web/receipt/barcode.tsx';
import { formatBRL } from '@shared/money.ts';

export type ReceiptTicketProps = { receipt: Receipt };

type Row = [label: string, value: string | null];

/** "COMPROVANTE DO CLIENTE" laid out for an 80 mm thermal roll; the print CSS shows only this. */
export function ReceiptTicket({ receipt }: ReceiptTicketProps) {
  const header: Row[] = [
    ['Agência', receipt.agency ? `${receipt.agency.code} ${receipt.agency.name ?? ''}` : null],
    ['Cliente', receipt.client.name],
    ['CNPJ', receipt.client.document],
    ['CPF/CNPJ do usuário', receipt.citizenDocument],
    ['Contrato', receipt.contract.number],
    ['Cód. Adm.', receipt.contract.adminCode],
    ['Cartão', receipt.contract.postalCard],
    ['Data/hora', receipt.finalisedAtLocal],
    ['Caixa', receipt.till],
    ['Atendente', receipt.attendant],
    ['Nº lançamento', receipt.entryNumber],
    ['Nº atendimento', receipt.attendanceNumber],
    ['Modalidade', receipt.modalityLabel],
  ];

  return (
    <article className="ticket" aria-labelledby="ticket-title" data-testid="receipt">
      <h2 id="ticket-title" className="ticket-title">
        {receipt.title}
      </h2>
      {receipt.reversed && <p className="ticket-reversed">ATENDIMENTO ESTORNADO</p>}
      <dl className="ticket-rows">
        {header
          .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <table className="ticket-items">
        <caption className="visually-hidden">Itens</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Qtd</th>
            <th scope="col">Valor</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td>
                {line.itemCode} {line.description}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatBRL(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {receipt.ticketLines.map((line) => (
        <p key={line} className="ticket-line">
          {line}
        </p>
      ))}
      <p className="ticket-total">
        <span>TOTAL</span> <span data-testid="receipt-total">{formatBRL(receipt.totalCents)}</span>
      </p>
      {receipt.invoicedStatement && <p className="ticket-note">{receipt.invoicedStatement}</p>}
      <p className="ticket-protocol" data-testid="receipt-protocol">
        Protocolo STER: {receipt.protocolCode}
      </p>
      <Barcode
        value={receipt.protocolCode}
        label={`Código de barras do protocolo ${receipt.protocolCode}`}
      />
    </article>
  );
}
