import { Type, type Static } from 'typebox';
import { Page, PageQueryFields } from '@server/modules/backoffice/backoffice.common.schema.ts';
import { FIELD_TYPES } from '@shared/forms/form-definition.ts';

const closed = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ maxLength: max });
const Bound = Type.Union([Type.Number(), Type.String({ maxLength: 10 })]);

const Field = Type.Object(
  {
    id: Text(40),
    type: Type.Union(FIELD_TYPES.map((type) => Type.Literal(type))),
    label: Text(200),
    help: Type.Optional(Text(500)),
    required: Type.Optional(Type.Boolean()),
    minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
    pattern: Type.Optional(Text(500)),
    patternMessage: Type.Optional(Text(200)),
    min: Type.Optional(Bound),
    max: Type.Optional(Bound),
    options: Type.Optional(
      Type.Array(Type.Object({ value: Text(100), label: Text(200) }, closed), { maxItems: 100 }),
    ),
    visibleWhen: Type.Optional(
      Type.Object(
        {
          field: Text(40),
          equals: Type.Union([Type.String({ maxLength: 100 }), Type.Number(), Type.Boolean()]),
        },
        closed,
      ),
    ),
  },
  closed,
);

/** The shape of a hosted form; `validateFormDefinition` then checks what a schema cannot. */
export const FormDefinitionSchema = Type.Object(
  {
    sections: Type.Array(
      Type.Object(
        { id: Text(40), title: Text(200), fields: Type.Array(Field, { maxItems: 80 }) },
        closed,
      ),
      { maxItems: 20 },
    ),
    requiredDocuments: Type.Array(Type.Object({ id: Text(40), label: Text(200) }, closed), {
      maxItems: 30,
    }),
  },
  closed,
);

export const DraftBody = Type.Object({ definition: FormDefinitionSchema }, closed);
export type DraftBody = Static<typeof DraftBody>;

export const VersionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  version: Type.String({ pattern: '^[0-9]{1,6}$', description: 'Número da versão publicada.' }),
});

export const FormsQuery = Type.Object(
  { limit: PageQueryFields.limit, offset: PageQueryFields.offset },
  closed,
);

const FormVersion = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  version: Type.Integer(),
  status: Type.String({ description: 'draft (rascunho) ou published (publicada).' }),
  definition: FormDefinitionSchema,
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const FormsResponse = Type.Object({
  draft: Type.Union([FormVersion, Type.Null()]),
  published: Type.Array(FormVersion, { description: 'Versões publicadas, da mais nova.' }),
  page: Page,
});

export const FormResponse = Type.Object({ form: FormVersion });
export const DraftResponse = Type.Object({ draft: Type.Union([FormVersion, Type.Null()]) });
