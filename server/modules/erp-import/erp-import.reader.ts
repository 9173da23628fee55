import { parse } from 'csv-parse/sync';
import type { AttendanceType } from '@shared/protocol/lifecycle.ts';
import { ColumnProblem, columnsOf } from '@server/modules/erp-import/erp-import.fields.ts';
import {
  COLUMNS,
  type Column,
  type ImportRow,
  type RawRecord,
  type RowProblem,
} from '@server/modules/erp-import/erp-import.rows.ts';

export type ImportFormat = 'csv' | 'json';

export const MAX_ROWS = 5000;

const ATTENDANCE_TYPES: readonly AttendanceType[] = ['inPerson', 'preAttendance', 'virtual'];

export type ReadResult = { rows: ImportRow[]; problems: RowProblem[] };

function toRow(record: RawRecord): ImportRow {
  const col = columnsOf(record);
  const kind = col.oneOf('tipo', ['cliente', 'contrato', 'servico', 'tarifa'] as const);
  const line = record.line;

  switch (kind) {
    case 'cliente':
      return {
        kind: 'client',
        line,
        cnpj: col.cnpj('cnpj'),
        code: col.matching(
          'sigla',
          /^[A-Z0-9_-]{2,30}$/,
          'de 2 a 30 letras maiúsculas, dígitos, _ ou -',
        ),
        name: col.matching('nome', /^.{1,160}$/, 'até 160 caracteres'),
        clientKind: col.oneOf('tipo_cliente', ['public', 'private', 'microSmall'] as const),
      };
    case 'contrato':
      return {
        kind: 'contract',
        line,
        clientCnpj: col.cnpj('cnpj'),
        number: col.matching('contrato', /^.{1,30}$/, 'até 30 caracteres'),
        adminCode: col.matching('cod_adm', /^\d{8}$/, '8 dígitos'),
        postalCard: col.matching('cartao', /^\d{10}$/, '10 dígitos'),
        modality: col.oneOf('modalidade', ['cash', 'invoiced'] as const),
        allowsAssociatedItems: col.yesNo('associados'),
        ...col.period(),
      };
    case 'servico': {
      const solution = col.oneOf('solucao', ['hostedForm', 'clientSite'] as const);
      if (solution === 'hostedForm' && col.text('url_site')) {
        throw new ColumnProblem('url_site', 'Serviços com formulário do STER não têm site.');
      }
      const types = col
        .required('atendimentos')
        .split(',')
        .map((type) => type.trim());
      const unknown = types.find((type) => !(ATTENDANCE_TYPES as readonly string[]).includes(type));
      if (unknown !== undefined || new Set(types).size !== types.length) {
        throw new ColumnProblem(
          'atendimentos',
          `Tipos "${types.join(',')}" inválidos: use ${ATTENDANCE_TYPES.join(', ')}, separados por vírgula, sem repetir.`,
        );
      }

      return {
        kind: 'service',
        line,
        contractNumber: col.required('contrato'),
        code: col.matching('servico', /^\d{1,10}$/, 'até 10 dígitos'),
        name: col.matching('nome', /^.{1,160}$/, 'até 160 caracteres'),
        solution,
        clientSiteUrl: solution === 'clientSite' ? col.url('url_site') : null,
        attendanceTypes: types as AttendanceType[],
        preAttendanceExpiryDays: col.text('validade_pre_dias')
          ? col.integer('validade_pre_dias', 1, 365)
          : 30,
      };
    }
    case 'tarifa':
      return {
        kind: 'tariff',
        line,
        contractNumber: col.required('contrato'),
        serviceCode: col.matching('servico', /^\d{1,10}$/, 'até 10 dígitos'),
        amountCents: col.integer('valor_centavos', 0, 100_000_000_000),
        ...col.period(),
      };
  }
}

function parseCsv(content: string): RawRecord[] {
  const records = parse(content, {
    delimiter: ';',
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: false,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];

  return records.map(({ record, info }) => ({
    line: info.lines,
    values: record as RawRecord['values'],
  }));
}

function parseJson(content: string): RawRecord[] {
  const parsed: unknown = JSON.parse(content);
  const list = Array.isArray(parsed)
    ? parsed
    : (parsed as { registros?: unknown } | null)?.registros;
  if (!Array.isArray(list)) {
    throw new Error('Esperado um objeto {"registros": [...]} ou uma lista de registros.');
  }

  return recordsOf(list);
}

/** Records given as objects (a JSON file or the ERP's push): position 1 is the first. */
export function recordsOf(list: readonly unknown[]): RawRecord[] {
  return list.map((item, index) => {
    const values: Partial<Record<Column, string>> = {};
    if (item !== null && typeof item === 'object') {
      for (const [key, value] of Object.entries(item)) {
        if ((COLUMNS as readonly string[]).includes(key) && value !== null) {
          values[key as Column] =
            typeof value === 'boolean' ? (value ? 'sim' : 'nao') : String(value);
        }
      }
    }

    return { line: index + 1, values };
  });
}

/** Problems of the file as a whole (not a CSV, unknown columns) come on line 0 or 1. */
function unknownColumns(format: ImportFormat, content: string): RowProblem[] {
  if (format !== 'csv') {
    return [];
  }
  const header = (content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(';');
  const extra = header
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && !(COLUMNS as readonly string[]).includes(name));

  return extra.length > 0
    ? [{ line: 1, column: extra[0] ?? '', message: `Coluna desconhecida: ${extra.join(', ')}.` }]
    : [];
}

/** Parses and checks every record; a problem on any record is reported with its line. */
export function readRecords(records: RawRecord[]): ReadResult {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  if (records.length > MAX_ROWS) {
    return {
      rows,
      problems: [{ line: 0, column: '', message: `Máximo de ${MAX_ROWS} registros.` }],
    };
  }
  for (const record of records) {
    try {
      rows.push(toRow(record));
    } catch (error) {
      if (!(error instanceof ColumnProblem)) {
        throw error;
      }
      problems.push({ line: record.line, column: error.column, message: error.message });
    }
  }

  return { rows, problems };
}

export function readFile(format: ImportFormat, content: string): ReadResult {
  let records: RawRecord[];
  try {
    records = format === 'csv' ? parseCsv(content) : parseJson(content);
  } catch (error) {
    const where = (error as { lines?: number }).lines ?? 1;
    const reason = error instanceof Error ? error.message : String(error);

    return {
      rows: [],
      problems: [{ line: where, column: '', message: `Arquivo ilegível (${format}): ${reason}` }],
    };
  }
  const header = unknownColumns(format, content);
  if (header.length > 0) {
    return { rows: [], problems: header };
  }

  return readRecords(records);
}
