import type { StatementLinesTable } from '@server/db/schema.ts';
import type { BillingRepository } from '@server/modules/billing/billing.repository.ts';
import { formatDecimal, sumCents } from '@shared/money.ts';
import { formatDate } from '@shared/time.ts';

type Header = NonNullable<Awaited<ReturnType<BillingRepository['findHeader']>>>;
type Line = StatementLinesTable;

/** A service's subtotal on a statement: charges, credits and their net. */
export type ServiceTotal = {
  serviceCode: string;
  serviceName: string;
  protocolCount: number;
  chargeCents: number;
  creditCents: number;
  totalCents: number;
};

export function totalsByService(lines: readonly Line[]): ServiceTotal[] {
  const byService = new Map<string, { lines: Line[]; protocols: Set<string> }>();
  for (const line of lines) {
    const entry = byService.get(line.serviceCode) ?? { lines: [], protocols: new Set() };
    entry.lines.push(line);
    entry.protocols.add(line.protocolCode);
    byService.set(line.serviceCode, entry);
  }

  return [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceCode, entry]) => {
      const charges = entry.lines.filter((line) => line.kind === 'charge');
      const credits = entry.lines.filter((line) => line.kind === 'credit');

      return {
        serviceCode,
        serviceName: entry.lines[0]?.serviceName ?? '',
        protocolCount: entry.protocols.size,
        chargeCents: sumCents(charges.map((line) => line.totalCents)),
        creditCents: sumCents(credits.map((line) => line.totalCents)),
        totalCents: sumCents(entry.lines.map((line) => line.totalCents)),
      };
    });
}

/** The statement as one JSON document: what the API shows, the download and the ERP receive. */
export function statementDocument(header: Header, lines: readonly Line[]) {
  return {
    id: header.id,
    number: header.number,
    status: header.status,
    contract: {
      id: header.contractId,
      number: header.contractNumber,
      adminCode: header.adminCode,
      billingPeriod: header.billingPeriod,
    },
    client: { code: header.clientCode, name: header.clientName, cnpj: header.clientCnpj },
    periodStart: header.periodStart,
    periodEnd: header.periodEnd,
    chargeCents: header.chargeCents,
    creditCents: header.creditCents,
    totalCents: header.totalCents,
    lineCount: header.lineCount,
    contentHash: header.contentHash,
    generatedAt: header.generatedAt.toISOString(),
    issuedAt: header.issuedAt ? header.issuedAt.toISOString() : null,
    issuedBy: header.issuedBy,
    totalsByService: totalsByService(lines),
    lines: lines.map((line) => ({
      lineNumber: line.lineNumber,
      kind: line.kind,
      protocolCode: line.protocolCode,
      serviceCode: line.serviceCode,
      serviceName: line.serviceName,
      itemKind: line.itemKind,
      itemCode: line.itemCode,
      description: line.description,
      occurredOn: line.occurredOn,
      agencyCode: line.agencyCode,
      agencyName: line.agencyName,
      quantity: line.quantity,
      unitCents: line.unitCents,
      totalCents: line.totalCents,
    })),
  };
}

export type StatementDocument = ReturnType<typeof statementDocument>;

const CSV_HEADER = [
  'Extrato',
  'Linha',
  'Tipo',
  'Protocolo',
  'Serviço',
  'Nome do serviço',
  'Item',
  'Descrição',
  'Data',
  'Agência',
  'Nome da agência',
  'Quantidade',
  'Valor unitário',
  'Valor total',
];

function csvField(value: string | number): string {
  const text = String(value);

  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The statement as CSV for Brazilian spreadsheets: `;` separators, `1.234,56` amounts, dates as
 * dd/mm/aaaa, UTF-8 with a byte-order mark so accents open right, CRLF line ends.
 */
export function statementCsv(document: StatementDocument): string {
  const rows = document.lines.map((line) => [
    document.number,
    line.lineNumber,
    line.kind === 'charge' ? 'Cobrança' : 'Crédito',
    line.protocolCode,
    line.serviceCode,
    line.serviceName,
    line.itemCode,
    line.description,
    formatDate(line.occurredOn),
    line.agencyCode ?? '',
    line.agencyName ?? 'Virtual',
    line.quantity,
    formatDecimal(line.unitCents),
    formatDecimal(line.totalCents),
  ]);
  const text = [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n');

  return `\uFEFF${text}\r\n`;
}
