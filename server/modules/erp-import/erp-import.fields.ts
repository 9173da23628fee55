import { isWebAddress } from '@server/modules/backoffice/backoffice.services.rules.ts';
import type { Column, RawRecord } from '@server/modules/erp-import/erp-import.rows.ts';
import { isCnpj, unmaskDocument } from '@shared/documents.ts';

/** Thrown for one column of one record; the reader collects them into line-numbered problems. */
export class ColumnProblem extends Error {
  constructor(
    readonly column: Column,
    message: string,
  ) {
    super(message);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);

  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The end of a period never comes before its start. */
function checkPeriodOrder(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) {
    throw new ColumnProblem(
      'fim',
      `A data de fim (${validTo}) é anterior ao início (${validFrom}).`,
    );
  }
}

/** Reads the columns of one record, each with the rule its kind of value follows. */
export function columnsOf(record: RawRecord) {
  const text = (column: Column) => record.values[column]?.trim() ?? '';

  const required = (column: Column) => {
    const value = text(column);
    if (!value) {
      throw new ColumnProblem(column, `Informe ${column}.`);
    }

    return value;
  };

  const matching = (column: Column, pattern: RegExp, rule: string) => {
    const value = required(column);
    if (!pattern.test(value)) {
      throw new ColumnProblem(column, `Valor "${value}" inválido: ${rule}.`);
    }

    return value;
  };

  const oneOf = <T extends string>(column: Column, allowed: readonly T[]): T => {
    const value = required(column);
    if (!allowed.includes(value as T)) {
      throw new ColumnProblem(column, `Valor "${value}" inválido: use ${allowed.join(', ')}.`);
    }

    return value as T;
  };

  const date = (column: Column) => {
    const value = required(column);
    if (!isCalendarDate(value)) {
      throw new ColumnProblem(column, `Data "${value}" inválida: use AAAA-MM-DD.`);
    }

    return value;
  };

  return {
    text,
    required,
    matching,
    oneOf,
    date,

    /** `inicio` and `fim`: a validity period whose end, if any, is not before its start. */
    period() {
      const validFrom = date('inicio');
      const validTo = text('fim') ? date('fim') : null;
      checkPeriodOrder(validFrom, validTo);

      return { validFrom, validTo };
    },

    cnpj(column: Column) {
      const value = required(column);
      if (!isCnpj(value)) {
        throw new ColumnProblem(column, `CNPJ "${value}" inválido: confira os dígitos.`);
      }

      return unmaskDocument(value);
    },

    integer(column: Column, min: number, max: number) {
      const value = matching(column, /^\d{1,12}$/, 'use apenas dígitos');
      const number = Number(value);
      if (number < min || number > max) {
        throw new ColumnProblem(column, `Valor ${number} fora do intervalo de ${min} a ${max}.`);
      }

      return number;
    },

    yesNo(column: Column) {
      const value = text(column).toLowerCase();
      if (!['', 'sim', 'nao', 'não'].includes(value)) {
        throw new ColumnProblem(column, `Valor "${value}" inválido: use sim ou nao.`);
      }

      return value === 'sim';
    },

    url(column: Column) {
      const value = required(column);
      if (!isWebAddress(value) || value.length > 500) {
        throw new ColumnProblem(column, `Endereço "${value}" inválido: use http:// ou https://.`);
      }

      return value;
    },
  };
}
