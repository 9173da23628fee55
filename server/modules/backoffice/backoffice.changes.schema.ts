import { CalendarDate } from '@server/http/common.schema.ts';
import { Type, type Static } from 'typebox';
import { Page, PageQueryFields } from '@server/modules/backoffice/backoffice.common.schema.ts';

export const ChangesQuery = Type.Object(
  {
    entity: Type.Optional(
      Type.Union(
        [
          'agency',
          'staff',
          'client',
          'contract',
          'service',
          'tariff',
          'associatedItem',
          'formDefinition',
          'partner',
          'partnerCredential',
          'partnerServiceHook',
        ].map((entity) => Type.Literal(entity)),
        { description: 'Tipo do registro alterado.' },
      ),
    ),
    entityId: Type.Optional(Type.String({ format: 'uuid', description: 'Id do registro.' })),
    actor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 80, description: 'Quem alterou: matrícula ou nome.' }),
    ),
    action: Type.Optional(Type.Union([Type.Literal('create'), Type.Literal('update')])),
    from: Type.Optional({ ...CalendarDate, description: 'Desde este dia (horário de Brasília).' }),
    to: Type.Optional({ ...CalendarDate, description: 'Até este dia, inclusive.' }),
    limit: PageQueryFields.limit,
    offset: PageQueryFields.offset,
  },
  { additionalProperties: false },
);
export type ChangesQuery = Static<typeof ChangesQuery>;

const Snapshot = Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]);

export const ChangeListResponse = Type.Object({
  changes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      entity: Type.String(),
      entityId: Type.String(),
      action: Type.String({ description: 'create ou update.' }),
      before: Snapshot,
      after: Snapshot,
      actor: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), label: Type.String() }),
      occurredAt: Type.String({ format: 'date-time' }),
    }),
  ),
  page: Page,
});
