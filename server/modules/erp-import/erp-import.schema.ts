import { Type } from 'typebox';
import { Page } from '@server/modules/backoffice/backoffice.common.schema.ts';
import { MAX_ROWS } from '@server/modules/erp-import/erp-import.reader.ts';
import type { Column } from '@server/modules/erp-import/erp-import.rows.ts';

/** What each column means; the same text documents the CSV, the JSON and the ERP push. */
export const COLUMN_DOCS: Record<Column, string> = {
  tipo: 'cliente, contrato, servico ou tarifa (obrigatório).',
  cnpj: 'cliente: seu CNPJ; contrato: o CNPJ do cliente do contrato.',
  sigla: 'cliente: sigla, 2 a 30 letras maiúsculas, dígitos, _ ou -.',
  nome: 'cliente ou serviço: nome.',
  tipo_cliente: 'cliente: public, private ou microSmall.',
  contrato: 'contrato: número; serviço e tarifa: o contrato a que pertencem.',
  cod_adm: 'contrato: código administrativo, 8 dígitos.',
  cartao: 'contrato: cartão de postagem, 10 dígitos.',
  modalidade: 'contrato: cash (à vista) ou invoiced (a faturar).',
  associados: 'contrato: sim ou nao (itens associados permitidos; padrão nao).',
  servico: 'serviço: código, até 10 dígitos; tarifa: o serviço tarifado.',
  solucao: 'serviço: hostedForm (formulário do STER) ou clientSite (site do cliente).',
  url_site: 'serviço clientSite: endereço http(s) do site do cliente.',
  atendimentos: 'serviço: inPerson, preAttendance e/ou virtual, separados por vírgula.',
  validade_pre_dias: 'serviço: dias de validade do pré-atendimento (1 a 365; padrão 30).',
  valor_centavos: 'tarifa: valor em centavos (1500 = R$ 15,00).',
  inicio: 'contrato e tarifa: início da vigência, AAAA-MM-DD.',
  fim: 'contrato e tarifa: fim da vigência, AAAA-MM-DD; vazio = sem fim.',
};

const Cell = (description: string) =>
  Type.Optional(
    Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean(), Type.Null()], {
      description,
    }),
  );

const { tipo, ...others } = COLUMN_DOCS;

export const ErpRecord = Type.Object(
  {
    tipo: Type.Union(
      ['cliente', 'contrato', 'servico', 'tarifa'].map((kind) => Type.Literal(kind)),
      { description: tipo },
    ),
    ...(Object.fromEntries(
      Object.entries(others).map(([column, text]) => [column, Cell(text)]),
    ) as unknown as Record<Exclude<Column, 'tipo'>, ReturnType<typeof Cell>>),
  },
  { additionalProperties: false },
);

export const ErpPushBody = Type.Object(
  {
    registros: Type.Array(ErpRecord, {
      minItems: 1,
      maxItems: MAX_ROWS,
      description: 'Registros na ordem de aplicação: clientes, contratos, serviços, tarifas.',
    }),
  },
  { additionalProperties: false },
);

export const ImportFileBody = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('json')], {
      description: 'csv (separado por ;, com cabeçalho) ou json ({"registros": [...]}).',
    }),
    content: Type.String({ minLength: 1, maxLength: 4_000_000, description: 'Texto do arquivo.' }),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const Operation = Type.Object({
  line: Type.Integer({ description: 'Linha do arquivo (CSV) ou posição do registro (JSON).' }),
  entity: Type.String({ description: 'client, contract, service ou tariff.' }),
  action: Type.String({ description: 'create, change, close ou unchanged.' }),
  key: Type.String(),
  id: Type.Union([Type.String(), Type.Null()]),
  before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  after: Type.Object({}, { additionalProperties: true }),
});

const ImportView = Type.Object({
  id: Type.String(),
  source: Type.String({
    description: 'file (arquivo enviado na retaguarda) ou erp (envio do ERP).',
  }),
  format: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'previewed (simulada) ou applied (aplicada).' }),
  summary: Type.Object({
    create: Type.Integer(),
    change: Type.Integer(),
    close: Type.Integer(),
    unchanged: Type.Integer(),
  }),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  appliedBy: Type.Union([Type.String(), Type.Null()]),
  appliedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  operations: Type.Optional(Type.Array(Operation)),
});

export const ImportResponse = Type.Object({ import: ImportView });
export const ImportListResponse = Type.Object({ imports: Type.Array(ImportView), page: Page });
