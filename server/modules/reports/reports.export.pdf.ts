import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import {
  describePeriod,
  protocolCells,
  type ExportProtocol,
  type ExportSummary,
  type ExportWriter,
} from '@server/modules/reports/reports.export.columns.ts';
import { formatBRL, formatDecimal } from '@shared/money.ts';
import { REPORT_GROUPING_LABELS } from '@shared/reports.ts';

type Doc = PDFKit.PDFDocument;

/** A PDF is read, not processed: past this many protocols, the CSV or XLSX has them all. */
export const PDF_PROTOCOL_LIMIT = 1000;
const MARGIN = 36;
const BAR_ROWS = 15;
const BAR_COLOUR = '#1f4e99';
const ROW_HEIGHT = 12;

/** Protocol columns: x offset and width in points on a landscape A4 page. */
const COLUMNS: [number, number][] = [
  [0, 78],
  [78, 80],
  [158, 58],
  [216, 48],
  [264, 110],
  [374, 150],
  [524, 100],
  [624, 50],
  [674, 60],
  [734, 36],
];

function cells(doc: Doc, values: readonly string[], y: number, font: string) {
  doc.font(font).fontSize(7);
  values.forEach((value, index) => {
    const [x = 0, width = 40] = COLUMNS[index] ?? [];
    const align = index === values.length - 1 ? 'right' : 'left';
    doc.text(value, MARGIN + x, y, { width: width - 4, height: ROW_HEIGHT, ellipsis: true, align });
  });
}

function summaryTable(doc: Doc, summary: ExportSummary) {
  const labelWidth = 380;
  const columns = ['Atendimentos', 'Valor', 'Realizado'];
  const line = (values: string[], font: string) => {
    const y = doc.y;
    doc
      .font(font)
      .fontSize(8)
      .text(values[0] ?? '', MARGIN, y, { width: labelWidth - 6 });
    values.slice(1).forEach((value, index) => {
      doc.text(value, MARGIN + labelWidth + index * 110, y, { width: 104, align: 'right' });
    });
    doc.y = y + ROW_HEIGHT;
  };
  line([REPORT_GROUPING_LABELS[summary.groupBy], ...columns], 'Helvetica-Bold');
  for (const row of summary.rows) {
    line(
      [
        row.label,
        String(row.attendances),
        formatBRL(row.amountCents),
        formatBRL(row.finalisedAmountCents),
      ],
      'Helvetica',
    );
  }
  const { totals } = summary;
  line(
    [
      'Total',
      String(totals.attendances),
      formatBRL(totals.amountCents),
      formatBRL(totals.finalisedAmountCents),
    ],
    'Helvetica-Bold',
  );
}

/** Horizontal bars of attendances for the largest groups, with their figures written out. */
function barChart(doc: Doc, summary: ExportSummary) {
  const rows = summary.rows.slice(0, BAR_ROWS);
  const largest = Math.max(1, ...rows.map((row) => row.attendances));
  const barSpace = 420;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text('Atendimentos por grupo', MARGIN, doc.y + 8);
  doc.y += 4;
  for (const row of rows) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(row.label, MARGIN, y + 2, { width: 200, height: 10, ellipsis: true });
    const width = Math.max(1, (row.attendances / largest) * barSpace);
    doc.rect(MARGIN + 206, y, width, 10).fill(BAR_COLOUR);
    doc.fillColor('black').text(String(row.attendances), MARGIN + 212 + width, y + 2);
    doc.y = y + 13;
  }
}

/** The report as a landscape A4 document: summary, chart, then the first protocols. */
export async function createPdfWriter(
  out: Writable,
  summary: ExportSummary,
): Promise<ExportWriter> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN });
  doc.pipe(out);
  doc.info.Title = summary.title;
  doc.font('Helvetica-Bold').fontSize(16).text(summary.title);
  doc.font('Helvetica').fontSize(9).text(describePeriod(summary));
  doc.moveDown();
  summaryTable(doc, summary);
  barChart(doc, summary);
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).text('Protocolos');
  doc.y += 4;
  const header = [
    'Protocolo',
    'Data e hora',
    'Situação',
    'Modal.',
    'Cliente',
    'Serviço',
    'Agência',
    'Atend.',
    'CPF/CNPJ',
    'Valor',
  ];
  cells(doc, header, doc.y, 'Helvetica-Bold');
  doc.y += ROW_HEIGHT;
  let written = 0;

  const writeRow = (row: ExportProtocol) => {
    if (doc.y > doc.page.height - MARGIN - ROW_HEIGHT) {
      doc.addPage();
      doc.y = MARGIN;
    }
    const y = doc.y;
    cells(doc, [...protocolCells(row), formatDecimal(row.totalCents)], y, 'Helvetica');
    doc.y = y + ROW_HEIGHT;
  };

  return {
    async rows(rows) {
      for (const row of rows.slice(0, PDF_PROTOCOL_LIMIT - written)) {
        writeRow(row);
        written += 1;
      }
    },
    async end() {
      if (summary.totals.attendances > written) {
        doc.moveDown();
        doc
          .font('Helvetica-Oblique')
          .fontSize(8)
          .text(
            `Mostrados os ${written} protocolos mais recentes de ${summary.totals.attendances}; ` +
              'a exportação em CSV ou XLSX traz todos.',
            MARGIN,
          );
      }
      doc.end();
    },
  };
}
