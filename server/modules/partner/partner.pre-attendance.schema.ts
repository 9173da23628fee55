import { Type } from 'typebox';
import { RegistraBody } from '@server/modules/partner/partner.schema.ts';

/** Schemas of flow 2 (pre-attendance on the client's site), in the published contract's style. */
const fields = RegistraBody.properties;

export const PreRegistraBody = Type.Object(
  {
    codigoServico: Type.String({
      pattern: '^[0-9A-Za-z-]{1,20}$',
      description: 'Código do serviço do cliente que aceita pré-atendimento.',
      examples: ['30101'],
    }),
    numeroIdentificacaoCliente: fields.numeroIdentificacaoCliente,
    chaveCliente: fields.chaveCliente,
    textoTicket: fields.textoTicket,
  },
  { additionalProperties: false },
);

export const PreRegistraResponse = Type.Object({
  protocolo: Type.String({
    description: 'Número do protocolo de pré-atendimento (14 dígitos), para o usuário levar.',
    examples: ['26000000000017'],
  }),
  validoAte: Type.String({
    format: 'date-time',
    description: 'Até quando o pré-atendimento pode ser confirmado numa agência.',
  }),
});

export const ConfirmaBody = Type.Object(
  {
    codigoCorreios: fields.codigoCorreios,
    protocolo: Type.String({
      minLength: 1,
      maxLength: 24,
      description: 'Número do protocolo de pré-atendimento que o usuário trouxe.',
      examples: ['26000000000017'],
    }),
    valorServico: fields.valorServico,
    quantidade: fields.quantidade,
    textoTicket: fields.textoTicket,
  },
  { additionalProperties: false },
);

export const PRE_REGISTRA_DESCRIPTION = [
  'Fluxo 2, **pré-atendimento no site do cliente**: o usuário começa no site do parceiro, que',
  'registra o pré-atendimento aqui (sem agência nem valor) e entrega ao usuário o número do',
  'protocolo. O usuário leva o número a uma agência; lá o atendente abre o site do cliente pelo',
  'STER e o parceiro confirma com `POST /ster/api/v1/pre-atendimentos/confirma`.',
  '',
  '`chaveCliente` funciona como em `registra`: repetir com o mesmo conteúdo devolve o mesmo',
  'protocolo. Se não for confirmado até `validoAte`, o protocolo expira e o parceiro recebe a',
  'confirmação com `codigoConfirmacao` `"03"`.',
].join('\n');

export const CONFIRMA_DESCRIPTION = [
  'Fluxo 2, na agência: com o `codigoCorreios` da abertura do site pelo atendente, o parceiro',
  'confirma o pré-atendimento do usuário, que fica **pendente** na agência do atendente, com o',
  'valor conferido como em `registra` (tarifa ou limites do serviço). O atendente então gera o',
  'atendimento e finaliza no SARA, e o parceiro recebe `"00"`.',
  '',
  'Repetir a confirmação com o mesmo conteúdo devolve o mesmo protocolo; aceita também',
  '`Idempotency-Key`. Um pré-atendimento expirado responde 409.',
].join('\n');
