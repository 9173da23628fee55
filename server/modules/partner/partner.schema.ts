import { Type, type Static } from 'typebox';
import { CONFIRMATION_CODE_TABLE } from '@server/modules/outbox/confirmation-codes.ts';

/**
 * Schemas of the published STER contract (`/ster/api/v1/...`). Field names are Portuguese, as
 * partners already use them; errors answer `{ mensagem }`, not our `{ error }` envelope.
 */
export const Mensagem = Type.Object(
  { mensagem: Type.String({ description: 'Motivo da recusa, em português.' }) },
  { $id: 'PartnerMensagem', title: 'Mensagem de erro do contrato de parceiros' },
);

const mensagemRef = Type.Ref('PartnerMensagem');

export function withMensagens<T extends Record<number, unknown>>(
  success: T,
  ...statuses: number[]
) {
  return { ...success, ...Object.fromEntries(statuses.map((status) => [status, mensagemRef])) };
}

/** What each field means, for the `{ mensagem }` of a request that failed the schema. */
export const FIELD_HINTS: Record<string, string> = {
  codigoCorreios: 'informe o codigoCorreios recebido do STER',
  valorServico: 'informe o valor unitário em centavos, só dígitos (ex.: "1500" ou 1500)',
  quantidade: 'informe um número inteiro de 1 a 99',
  numeroIdentificacaoCliente: 'informe o CPF (11 dígitos) ou o CNPJ (14 dígitos), só números',
  chaveCliente: 'informe a chave da venda no seu sistema (1 a 100 caracteres)',
  textoTicket: 'informe um texto de até 1000 caracteres',
  protocolo: 'informe o número do protocolo (14 dígitos)',
};

export const RegistraBody = Type.Object(
  {
    codigoCorreios: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Código recebido do STER na abertura do site (parâmetro codigoCorreios).',
    }),
    valorServico: Type.Union(
      [
        Type.String({ pattern: '^[0-9]{1,9}$' }),
        Type.Integer({ minimum: 0, maximum: 999_999_999 }),
      ],
      {
        description:
          'Valor unitário do serviço em centavos, só dígitos (texto ou número). Se o serviço ' +
          'usa a tarifa do contrato, deve ser igual à tarifa vigente; se o preço é do ' +
          'parceiro, deve estar entre os limites configurados.',
        examples: ['1500'],
      },
    ),
    quantidade: Type.Union(
      [Type.Integer({ minimum: 1, maximum: 99 }), Type.String({ pattern: '^[1-9][0-9]?$' })],
      { description: 'Quantidade (1 a 99).', examples: [1] },
    ),
    numeroIdentificacaoCliente: Type.String({
      pattern: '^([0-9]{11}|[0-9]{14})$',
      description: 'CPF (11 dígitos) ou CNPJ (14 dígitos) do usuário, só números.',
      examples: ['12345678909'],
    }),
    chaveCliente: Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'Chave da venda no sistema do parceiro. Repetir o registro com a mesma chave e o mesmo ' +
        'conteúdo devolve o mesmo protocolo; com outro conteúdo, é recusado.',
      examples: ['VENDA-2026-000123'],
    }),
    textoTicket: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Texto impresso no comprovante; o caractere + quebra a linha.',
        examples: ['Recarga Claro+Telefone (61) 99999-0000+Valor R$ 15,00'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegistraBody = Static<typeof RegistraBody>;

export const RegistraResponse = Type.Object({
  protocolo: Type.String({
    description: 'Número do protocolo pendente criado (14 dígitos).',
    examples: ['26000000000017'],
  }),
});

export const REGISTRA_DESCRIPTION = [
  'Registra a venda capturada no site do cliente e cria um protocolo **pendente** na agência do',
  'atendente identificado pelo `codigoCorreios`. Autenticação: cabeçalho',
  '`Authorization: <token>` ou `Authorization: Bearer <token>`. Erros respondem 4xx com',
  '`{ "mensagem": "..." }`. Aceita também o cabeçalho `Idempotency-Key`.',
  '',
  'Credenciais de **sandbox** criam protocolos de teste, que nunca são faturados.',
  '',
  'Quando o protocolo muda de situação, o STER chama a URL de confirmação do parceiro com',
  '`POST { "numeroProtocolo": "...", "codigoConfirmacao": "00" }`, assinado com os cabeçalhos',
  'Standard Webhooks `webhook-id`, `webhook-timestamp` e `webhook-signature`',
  '(HMAC-SHA256 de `id.timestamp.corpo` com o segredo `whsec_...` do parceiro), pelo menos uma',
  'vez, em ordem por protocolo, com novas tentativas por até 5 dias:',
  '',
  CONFIRMATION_CODE_TABLE,
].join('\n');

export const CodigoBody = Type.Object(
  { codigoCorreios: RegistraBody.properties.codigoCorreios },
  { additionalProperties: false },
);

export const CodigoResponse = Type.Object({
  codigoAgencia: Type.String({ description: 'Código da agência (8 dígitos).' }),
  nomeAgencia: Type.String({ description: 'Nome da agência.', examples: ['AC ESMERALDA'] }),
  matriculaAtendente: Type.String({ description: 'Matrícula do atendente (8 dígitos).' }),
  codigoServico: Type.String({ description: 'Código do serviço.' }),
  nomeServico: Type.String({ description: 'Nome do serviço.' }),
  validoAte: Type.String({ format: 'date-time', description: 'Validade do codigoCorreios.' }),
});

export const ProtocoloParams = Type.Object({
  protocolo: Type.String({ minLength: 1, maxLength: 24, description: 'Número do protocolo.' }),
});

export const ProtocoloResponse = Type.Object({
  protocolo: Type.String(),
  situacao: Type.String({ description: 'Situação (preAttendance, pending, finalised, ...).' }),
  descricaoSituacao: Type.String({ examples: ['Pendente'] }),
  codigoConfirmacao: Type.Union([Type.String(), Type.Null()], {
    description: 'O código que a confirmação levou ou levará; nulo enquanto pendente.',
  }),
  chaveCliente: Type.String(),
  valorTotal: Type.Integer({ description: 'Total em centavos.' }),
  codigoServico: Type.String(),
  codigoAgencia: Type.Union([Type.String(), Type.Null()]),
  teste: Type.Boolean({ description: 'Verdadeiro para protocolos de sandbox.' }),
  dataCriacao: Type.String({ format: 'date-time' }),
  dataAtualizacao: Type.String({ format: 'date-time' }),
});
