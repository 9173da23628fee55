import type { Writable } from 'node:stream';
import { once } from 'node:events';
import {
  PROTOCOL_COLUMNS,
  protocolCells,
  type ExportWriter,
} from '@server/modules/reports/reports.export.columns.ts';
import { formatDecimal } from '@shared/money.ts';

const BOM = '\uFEFF';

/** A field as Brazilian spreadsheets read `;`-separated files: quoted when it must be. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

/** UTF-8 with a BOM (Excel's cue), `;` between fields, decimal comma: "1.234,56". */
export async function createCsvWriter(out: Writable): Promise<ExportWriter> {
  const write = async (text: string) => {
    if (!out.write(text)) {
      await once(out, 'drain');
    }
  };
  await write(BOM + csvLine(PROTOCOL_COLUMNS));

  return {
    async rows(rows) {
      const text = rows
        .map((row) => csvLine([...protocolCells(row), formatDecimal(row.totalCents)]))
        .join('');
      await write(text);
    },
    async end() {
      out.end();
    },
  };
}
