import type { Sale } from '@web/api/types.ts';
import { formatBRL } from '@shared/money.ts';

export type SaleGridProps = { sale: Sale };

const PAYER_LABELS: Record<string, string> = {
  citizen: 'Usuário (pessoa atendida)',
  contractHolder: 'Cliente (titular do contrato)',
};

/** The counter's sale grid as "Gerar atendimento" fills it: header data, lines and total. */
export function SaleGrid({ sale }: SaleGridProps) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Modalidade</dt>
          <dd data-testid="sale-modality">{sale.modalityLabel}</dd>
        </div>
        <div>
          <dt>Identificação do pagador</dt>
          <dd>{PAYER_LABELS[sale.payer.kind] ?? sale.payer.kind}</dd>
        </div>
        <div>
          <dt>CPF/CNPJ</dt>
          <dd className="mono">{sale.payer.document}</dd>
        </div>
        <div>
          <dt>Nome</dt>
          <dd>{sale.payer.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Cliente</dt>
          <dd>{sale.client.name}</dd>
        </div>
        <div>
          <dt>Contrato</dt>
          <dd className="mono">{sale.contract.number}</dd>
        </div>
        <div>
          <dt>Cód. Adm.</dt>
          <dd className="mono">{sale.contract.adminCode}</dd>
        </div>
        <div>
          <dt>Cartão</dt>
          <dd className="mono">{sale.contract.postalCard}</dd>
        </div>
      </dl>
      <table className="grid grid-numbers">
        <caption className="visually-hidden">Itens do atendimento</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Código</th>
            <th scope="col">Descrição</th>
            <th scope="col">Qtd.</th>
            <th scope="col">Valor unit.</th>
            <th scope="col">Adicionais</th>
            <th scope="col">Desconto</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((line) => (
            <tr key={line.lineNumber}>
              <td>{line.lineNumber}</td>
              <td className="mono">{line.itemCode}</td>
              <td>{line.description}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatBRL(line.unitCents)}</td>
              <td className="num">{formatBRL(line.extrasCents)}</td>
              <td className="num">{formatBRL(line.discountCents)}</td>
              <td className="num">{formatBRL(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={7}>
              Total geral
            </th>
            <td className="num total" data-testid="sale-total">
              {formatBRL(sale.totalCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
