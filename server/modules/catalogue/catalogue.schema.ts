import { Type } from 'typebox';

export const ClientsQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({ maxLength: 80, description: 'Filtro pelo nome do cliente.' }),
    ),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ClientListResponse = Type.Object({
  clients: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      serviceCount: Type.Integer(),
    }),
  ),
});

export const ServiceListResponse = Type.Object({
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      description: Type.String(),
      solution: Type.String(),
      clientSiteUrl: Type.Union([Type.String(), Type.Null()]),
      attendanceTypes: Type.Array(Type.String()),
      preAttendanceExpiryDays: Type.Integer(),
      modality: Type.String(),
    }),
  ),
});

const Field = Type.Object({}, { additionalProperties: true, description: 'Campo do formulário.' });

export const FormResponse = Type.Object({
  form: Type.Object({
    id: Type.String(),
    version: Type.Integer(),
    definition: Type.Object({
      sections: Type.Array(
        Type.Object({ id: Type.String(), title: Type.String(), fields: Type.Array(Field) }),
      ),
      requiredDocuments: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
    }),
  }),
});
