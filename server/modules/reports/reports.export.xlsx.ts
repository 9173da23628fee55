import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  describePeriod,
  PROTOCOL_COLUMNS,
  protocolCells,
  SUMMARY_COLUMNS,
  type ExportSummary,
  type ExportWriter,
} from '@server/modules/reports/reports.export.columns.ts';
import { REPORT_GROUPING_LABELS } from '@shared/reports.ts';

const MONEY = '#,##0.00';
const reais = (cents: number) => cents / 100;

/**
 * A workbook streamed as it is written: the summary sheet first, then one row per protocol,
 * each committed at once so memory holds no more than a page.
 */
export async function createXlsxWriter(
  out: Writable,
  summary: ExportSummary,
): Promise<ExportWriter> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const resume = workbook.addWorksheet('Resumo');
  resume.addRow([summary.title]).commit();
  resume.addRow([describePeriod(summary)]).commit();
  resume.addRow([]).commit();
  const head = resume.addRow([REPORT_GROUPING_LABELS[summary.groupBy], ...SUMMARY_COLUMNS]);
  head.font = { bold: true };
  head.commit();
  for (const row of summary.rows) {
    const line = resume.addRow([
      row.label,
      row.attendances,
      reais(row.amountCents),
      reais(row.finalisedAmountCents),
    ]);
    line.getCell(3).numFmt = MONEY;
    line.getCell(4).numFmt = MONEY;
    line.commit();
  }
  const total = resume.addRow([
    'Total',
    summary.totals.attendances,
    reais(summary.totals.amountCents),
    reais(summary.totals.finalisedAmountCents),
  ]);
  total.font = { bold: true };
  total.getCell(3).numFmt = MONEY;
  total.getCell(4).numFmt = MONEY;
  total.commit();
  resume.commit();

  const sheet = workbook.addWorksheet('Protocolos');
  const header = sheet.addRow([...PROTOCOL_COLUMNS]);
  header.font = { bold: true };
  header.commit();

  return {
    async rows(rows) {
      for (const row of rows) {
        const line = sheet.addRow([...protocolCells(row), reais(row.totalCents)]);
        line.getCell(PROTOCOL_COLUMNS.length).numFmt = MONEY;
        line.commit();
      }
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
