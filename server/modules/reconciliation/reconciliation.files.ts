import { AppError } from '@server/errors.ts';
import type { ErrorField } from '@shared/errors.ts';
import { parseBRL, type Cents } from '@shared/money.ts';
import { isValidProtocolCode, normalizeProtocolCode } from '@shared/protocol/protocol-code.ts';

/** One attendance as the counter system's day file reports it. */
export type CounterRow = {
  line: number;
  till: string;
  entryNumber: string;
  attendanceNumber: string;
  cents: Cents;
};

/** One protocol's billed amount on one statement, as the ERP's acknowledgement file has it. */
export type ErpRow = { line: number; statementNumber: string; protocolCode: string; cents: Cents };

/** The columns of the counter's day file, in order (see docs/BILLING.md). */
export const COUNTER_COLUMNS = ['caixa', 'lancamento', 'atendimento', 'valor'] as const;
/** The columns of the ERP's acknowledgement file, in order. */
export const ERP_COLUMNS = ['extrato', 'protocolo', 'valor'] as const;

const REFERENCE = /^[0-9A-Za-z-]{1,20}$/;
const MAX_ROWS = 20_000;
const MAX_REPORTED = 20;

function splitLines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r?\n/);
}

function refuse(fields: ErrorField[]): never {
  throw new AppError('VALIDATION_FAILED', 'O arquivo tem linhas inválidas; nada foi importado.', {
    fields: fields.slice(0, MAX_REPORTED),
  });
}

/** Splits a `;` file into checked cells, refusing a wrong header or a wrong column count. */
function rowsOf(content: string, columns: readonly string[]): { line: number; cells: string[] }[] {
  const lines = splitLines(content);
  const header = (lines[0] ?? '').split(';').map((cell) => cell.trim().toLowerCase());
  if (header.join(';') !== columns.join(';')) {
    refuse([
      {
        field: 'body.content',
        code: 'header',
        message: `Linha 1: o cabeçalho deve ser exatamente "${columns.join(';')}".`,
      },
    ]);
  }
  const rows = lines
    .map((text, index) => ({ line: index + 1, cells: text.split(';').map((cell) => cell.trim()) }))
    .slice(1)
    .filter((row) => row.cells.some((cell) => cell !== ''));
  if (rows.length > MAX_ROWS) {
    refuse([{ field: 'body.content', code: 'tooLong', message: `Mais de ${MAX_ROWS} linhas.` }]);
  }
  const wrong = rows.filter((row) => row.cells.length !== columns.length);
  if (wrong.length > 0) {
    refuse(
      wrong.map((row) => ({
        field: 'body.content',
        code: 'columns',
        message: `Linha ${row.line}: esperadas ${columns.length} colunas separadas por ";".`,
      })),
    );
  }

  return rows;
}

function lineProblem(code: string, message: string): ErrorField {
  return { field: 'body.content', code, message };
}

function amountProblem(line: number, value: string): ErrorField {
  return lineProblem('amount', `Linha ${line}: valor "${value}" inválido (use 1.234,56).`);
}

function amountOf(text: string): Cents | null {
  const cents = parseBRL(text);

  return cents === null || cents < 0 ? null : cents;
}

/** Parses the counter's day file, or refuses it whole, naming every bad line (up to 20). */
export function parseCounterFile(content: string): CounterRow[] {
  const problems: ErrorField[] = [];
  const rows: CounterRow[] = [];
  for (const { line, cells } of rowsOf(content, COUNTER_COLUMNS)) {
    const [till = '', entryNumber = '', attendanceNumber = '', value = ''] = cells;
    const cents = amountOf(value);
    const badReference = [till, entryNumber, attendanceNumber].find((ref) => !REFERENCE.test(ref));
    if (badReference !== undefined) {
      problems.push(
        lineProblem(
          'reference',
          `Linha ${line}: referência "${badReference}" inválida (letras, dígitos e -, até 20).`,
        ),
      );
    } else if (cents === null) {
      problems.push(amountProblem(line, value));
    } else {
      rows.push({ line, till, entryNumber, attendanceNumber, cents });
    }
  }
  if (problems.length > 0) {
    refuse(problems);
  }

  return rows;
}

/** Parses the ERP's acknowledgement file; credits appear as negative amounts. */
export function parseErpFile(content: string): ErpRow[] {
  const problems: ErrorField[] = [];
  const rows: ErpRow[] = [];
  for (const { line, cells } of rowsOf(content, ERP_COLUMNS)) {
    const [statementNumber = '', code = '', value = ''] = cells;
    const protocolCode = normalizeProtocolCode(code);
    const cents = parseBRL(value);
    if (!/^[0-9A-Za-z-]{1,40}$/.test(statementNumber)) {
      problems.push(
        lineProblem('statement', `Linha ${line}: número de extrato "${statementNumber}" inválido.`),
      );
    } else if (!isValidProtocolCode(protocolCode)) {
      problems.push(lineProblem('protocol', `Linha ${line}: protocolo "${code}" inválido.`));
    } else if (cents === null) {
      problems.push(amountProblem(line, value));
    } else {
      rows.push({ line, statementNumber, protocolCode, cents });
    }
  }
  if (problems.length > 0) {
    refuse(problems);
  }

  return rows;
}
