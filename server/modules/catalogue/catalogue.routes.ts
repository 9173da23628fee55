import { withErrors } from '@server/http/common.schema.ts';
import type { App } from '@server/http/types.ts';
import {
  ClientListResponse,
  ClientsQuery,
  FormResponse,
  IdParams,
  ServiceListResponse,
} from '@server/modules/catalogue/catalogue.schema.ts';
import type { CatalogueService } from '@server/modules/catalogue/catalogue.service.ts';

const TAGS = ['Catálogo'];
const PUBLIC = ['Público'];

export function registerCatalogueRoutes(app: App, catalogue: CatalogueService) {
  app.get(
    '/api/v1/clients',
    {
      schema: {
        tags: TAGS,
        summary: 'Clientes com serviços nesta agência (filtro por nome)',
        querystring: ClientsQuery,
        response: withErrors({ 200: ClientListResponse }, 400, 401),
      },
    },
    async (request) => catalogue.listClients(request.actor, request.query.name),
  );

  app.get(
    '/api/v1/clients/:id/services',
    {
      schema: {
        tags: TAGS,
        summary: 'Serviços do cliente oferecidos nesta agência',
        params: IdParams,
        response: withErrors({ 200: ServiceListResponse }, 400, 401),
      },
    },
    async (request) => catalogue.listServices(request.actor, request.params.id),
  );

  app.get(
    '/api/v1/services/:id/form',
    {
      schema: {
        tags: TAGS,
        summary: 'Formulário publicado do serviço (solução parametrizável)',
        params: IdParams,
        response: withErrors({ 200: FormResponse }, 400, 401, 404, 422),
      },
    },
    async (request) => catalogue.form(request.actor, request.params.id),
  );

  app.get(
    '/api/v1/public/clients',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Clientes com serviços que aceitam pré-atendimento pela internet',
        querystring: ClientsQuery,
        response: withErrors({ 200: ClientListResponse }, 400),
      },
    },
    async (request) => catalogue.listPublicClients(request.query.name),
  );

  app.get(
    '/api/v1/public/clients/:id/services',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Serviços do cliente com pré-atendimento',
        params: IdParams,
        response: withErrors({ 200: ServiceListResponse }, 400),
      },
    },
    async (request) => catalogue.listPublicServices(request.params.id),
  );

  app.get(
    '/api/v1/public/services/:id/form',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Formulário de pré-atendimento do serviço',
        params: IdParams,
        response: withErrors({ 200: FormResponse }, 400, 404, 422),
      },
    },
    async (request) => catalogue.form(null, request.params.id),
  );

  app.get(
    '/api/v1/public/virtual/clients',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Clientes com serviços que aceitam atendimento virtual (com IdCorreios)',
        querystring: ClientsQuery,
        response: withErrors({ 200: ClientListResponse }, 400),
      },
    },
    async (request) => catalogue.listPublicClients(request.query.name, 'virtual'),
  );

  app.get(
    '/api/v1/public/virtual/clients/:id/services',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Serviços do cliente com atendimento virtual',
        params: IdParams,
        response: withErrors({ 200: ServiceListResponse }, 400),
      },
    },
    async (request) => catalogue.listPublicServices(request.params.id, 'virtual'),
  );

  app.get(
    '/api/v1/public/virtual/services/:id/form',
    {
      schema: {
        tags: PUBLIC,
        summary: 'Formulário de atendimento virtual do serviço',
        params: IdParams,
        response: withErrors({ 200: FormResponse }, 400, 404, 422),
      },
    },
    async (request) => catalogue.form(null, request.params.id, 'virtual'),
  );
}
