import { Type, type TObject, type TProperties } from 'typebox';

/** The OpenAPI tag of every back-office route. */
export const TAGS = ['Retaguarda'];

/** Every back-office route answers these errors besides its own: bad input, no session, role. */
export const COMMON_ERRORS = [400, 401, 403] as const;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Digits = (max: number) => Type.String({ pattern: `^[0-9]{1,${max}}$` });

/** Query strings arrive as text (ajv does not coerce here), so numbers are digit strings. */
export const PageQueryFields = {
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 80, description: 'Filtro por nome ou código.' }),
  ),
  limit: Type.Optional({ ...Digits(3), description: 'Itens por página (1 a 100; padrão 50).' }),
  offset: Type.Optional({ ...Digits(7), description: 'Quantos itens pular (padrão 0).' }),
};

export const PageQuery = Type.Object(PageQueryFields, { additionalProperties: false });

/** A page query with extra filters of one list. */
export function pageQueryWith<T extends TProperties>(extra: T) {
  return Type.Object({ ...PageQueryFields, ...extra }, { additionalProperties: false });
}

export const BooleanQuery = Type.Union([Type.Literal('true'), Type.Literal('false')]);

export const Page = Type.Object({
  limit: Type.Integer(),
  offset: Type.Integer(),
  total: Type.Integer({ description: 'Total de itens que atendem ao filtro.' }),
});

/** A change body: any subset of the creation fields, at least one, nothing unknown. */
export function updateBodyOf<T extends TObject>(create: T) {
  return Type.Partial(create, { additionalProperties: false, minProperties: 1 });
}

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Name = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** An amount in centavos, up to R$ 1 bilhão: far below what a bigint or a JS number holds. */
export const Amount = Type.Integer({
  minimum: 0,
  maximum: 100_000_000_000,
  description: 'Valor em centavos.',
});

/**
 * The optimistic-concurrency precondition of a change: the `version` the screen last read.
 * When the record changed since, the change is refused with 409 STALE_VERSION.
 */
export const VersionHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      pattern: '^"?[0-9]{1,9}"?$',
      description: 'Versão lida do registro (campo version); se mudou, a alteração é recusada.',
    }),
  ),
});
