import { Type, type TSchema } from 'typebox';

/** The body of every error response, referenced by each route's 4xx answers in OpenAPI. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Código estável do erro, para programas.' }),
      message: Type.String({ description: 'Mensagem em português, para pessoas.' }),
      fields: Type.Optional(
        Type.Array(
          Type.Object({
            field: Type.String(),
            code: Type.String(),
            message: Type.String(),
          }),
        ),
      ),
    }),
  },
  { $id: 'ErrorResponse', title: 'Erro' },
);

export const errorRef = Type.Ref('ErrorResponse');

/** The usual error answers of a route, for the OpenAPI document. */
export function withErrors<T extends Record<number, TSchema>>(success: T, ...statuses: number[]) {
  const errors = Object.fromEntries(statuses.map((status) => [status, errorRef]));

  return { ...success, ...errors } as T & Record<number, TSchema>;
}

export const Uuid = Type.String({ format: 'uuid' });

export const ProtocolCodeParam = Type.String({
  minLength: 1,
  maxLength: 24,
  description: 'Código do protocolo, 14 dígitos (pontos e traços são ignorados).',
  examples: ['26000000000017'],
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 128,
      pattern: '^[\\x21-\\x7e]+$',
      description:
        'Chave de idempotência: repetir a chamada com a mesma chave devolve a mesma resposta.',
    }),
  ),
});

export const Iso = Type.String({ format: 'date-time' });
export const CalendarDate = Type.String({ format: 'date', examples: ['2026-12-03'] });
export const Cents = Type.Integer({ minimum: 0, description: 'Valor em centavos.' });

/** A value or JSON null, as OpenAPI 3.1 spells an optional-but-present field. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
