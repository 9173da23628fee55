import type { ClientKind, Modality, Solution } from '@server/db/schema.ts';
import type { AttendanceType } from '@shared/protocol/lifecycle.ts';

/** Where a problem is: the file's line (CSV) or the record's position (JSON), and the column. */
export type RowProblem = { line: number; column: string; message: string };

type RowBase = { line: number };

export type ClientRow = RowBase & {
  kind: 'client';
  cnpj: string;
  code: string;
  name: string;
  clientKind: ClientKind;
};

export type ContractRow = RowBase & {
  kind: 'contract';
  clientCnpj: string;
  number: string;
  adminCode: string;
  postalCard: string;
  modality: Modality;
  allowsAssociatedItems: boolean;
  validFrom: string;
  validTo: string | null;
};

export type ServiceRow = RowBase & {
  kind: 'service';
  contractNumber: string;
  code: string;
  name: string;
  solution: Solution;
  clientSiteUrl: string | null;
  attendanceTypes: AttendanceType[];
  preAttendanceExpiryDays: number;
};

export type TariffRow = RowBase & {
  kind: 'tariff';
  contractNumber: string;
  serviceCode: string;
  amountCents: number;
  validFrom: string;
  validTo: string | null;
};

/** One record of an ERP catalogue file, checked on its own (references are checked later). */
export type ImportRow = ClientRow | ContractRow | ServiceRow | TariffRow;

/** The columns of the file format, in the order the README documents them. */
export const COLUMNS = [
  'tipo',
  'cnpj',
  'sigla',
  'nome',
  'tipo_cliente',
  'contrato',
  'cod_adm',
  'cartao',
  'modalidade',
  'associados',
  'servico',
  'solucao',
  'url_site',
  'atendimentos',
  'validade_pre_dias',
  'valor_centavos',
  'inicio',
  'fim',
] as const;

export type Column = (typeof COLUMNS)[number];

/** A record as read from the file: column name to text, with its line. */
export type RawRecord = { line: number; values: Partial<Record<Column, string>> };
