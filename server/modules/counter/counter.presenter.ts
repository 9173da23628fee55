import type { ProtocolViewRow, SaleLineRow } from '@server/modules/protocol/protocol.repository.ts';
import { maskName, type SealedCitizen } from '@server/modules/protocol/protocol.presenter.ts';
import type { PersonalDataVault } from '@server/security/personal-data.ts';
import { formatCnpj, maskDocument } from '@shared/documents.ts';
import { formatDateTime } from '@shared/time.ts';

export const MODALITY_LABELS = { cash: 'À vista', invoiced: 'A faturar' } as const;

/** The statement the document prints on invoiced receipts. */
export const INVOICED_STATEMENT =
  'Serviço a faturar: o pagamento será efetuado pelo titular do contrato, mediante fatura.';

export function presentLines(lines: readonly SaleLineRow[]) {
  return lines.map((line) => ({
    lineNumber: line.lineNumber,
    kind: line.kind,
    itemCode: line.itemCode,
    description: line.description,
    quantity: line.quantity,
    unitCents: line.unitCents,
    extrasCents: line.extrasCents,
    discountCents: line.discountCents,
    totalCents: line.totalCents,
  }));
}

/**
 * What "generate attendance" hands the counter's sale grid. For cash the citizen pays at the
 * counter; for invoiced the payer is the contract holder, invoiced later.
 */
export function presentSale(
  row: ProtocolViewRow,
  lines: readonly SaleLineRow[],
  vault: PersonalDataVault,
) {
  const citizen = vault.unseal<SealedCitizen>(row.citizenSealed);
  const payer =
    row.modality === 'invoiced'
      ? {
          kind: 'contractHolder' as const,
          document: formatCnpj(row.clientCnpj),
          name: row.clientName,
        }
      : {
          kind: 'citizen' as const,
          document: maskDocument(citizen.document),
          name: maskName(citizen.name),
        };

  return {
    protocolCode: row.code,
    modality: row.modality,
    modalityLabel: MODALITY_LABELS[row.modality],
    payer,
    client: { name: row.clientName, document: formatCnpj(row.clientCnpj) },
    contract: { number: row.contractNumber, adminCode: row.adminCode, postalCard: row.postalCard },
    service: { code: row.serviceCode, name: row.serviceName, description: row.serviceDescription },
    lines: presentLines(lines),
    totalCents: row.totalCents ?? 0,
  };
}

export function presentReceipt(
  row: ProtocolViewRow,
  lines: readonly SaleLineRow[],
  finalisedAt: Date,
  vault: PersonalDataVault,
) {
  const sale = presentSale(row, lines, vault);

  return {
    title: 'COMPROVANTE DO CLIENTE',
    protocolCode: row.code,
    agency: row.agencyCode ? { code: row.agencyCode, name: row.agencyName } : null,
    attendant: row.attendantRegistration,
    client: sale.client,
    citizenDocument: sale.payer.kind === 'citizen' ? sale.payer.document : null,
    contract: sale.contract,
    modality: sale.modality,
    modalityLabel: sale.modalityLabel,
    till: row.counterTill,
    entryNumber: row.counterEntryNumber,
    attendanceNumber: row.counterAttendanceNumber,
    finalisedAt: finalisedAt.toISOString(),
    finalisedAtLocal: formatDateTime(finalisedAt),
    lines: sale.lines,
    totalCents: sale.totalCents,
    // Partners send `+` for a line break; registration stores real line breaks.
    ticketLines: row.ticketText ? row.ticketText.split(/\n|\+/).map((line) => line.trim()) : [],
    invoicedStatement: row.modality === 'invoiced' ? INVOICED_STATEMENT : null,
    reversed: row.status === 'reversed',
  };
}

export type SaleView = ReturnType<typeof presentSale>;
export type ReceiptView = ReturnType<typeof presentReceipt>;
