import type { AppContext } from '@server/context.ts';
import type { App } from '@server/http/types.ts';
import { createAgenciesRepository } from '@server/modules/backoffice/backoffice.agencies.repository.ts';
import { registerAgenciesRoutes } from '@server/modules/backoffice/backoffice.agencies.routes.ts';
import { createAgenciesService } from '@server/modules/backoffice/backoffice.agencies.service.ts';
import { createChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { registerChangesRoutes } from '@server/modules/backoffice/backoffice.changes.routes.ts';
import { createClientsRepository } from '@server/modules/backoffice/backoffice.clients.repository.ts';
import { registerClientsRoutes } from '@server/modules/backoffice/backoffice.clients.routes.ts';
import { createClientsService } from '@server/modules/backoffice/backoffice.clients.service.ts';
import {
  backOfficeActor,
  rejectNulCharacters,
} from '@server/modules/backoffice/backoffice.common.ts';
import { createContractsRepository } from '@server/modules/backoffice/backoffice.contracts.repository.ts';
import { registerContractsRoutes } from '@server/modules/backoffice/backoffice.contracts.routes.ts';
import { createContractsService } from '@server/modules/backoffice/backoffice.contracts.service.ts';
import { createFormsRepository } from '@server/modules/backoffice/backoffice.forms.repository.ts';
import { registerFormsRoutes } from '@server/modules/backoffice/backoffice.forms.routes.ts';
import { createFormsService } from '@server/modules/backoffice/backoffice.forms.service.ts';
import { createItemsRepository } from '@server/modules/backoffice/backoffice.items.repository.ts';
import { registerItemsRoutes } from '@server/modules/backoffice/backoffice.items.routes.ts';
import { createItemsService } from '@server/modules/backoffice/backoffice.items.service.ts';
import { createRecorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import { createServicesRepository } from '@server/modules/backoffice/backoffice.services.repository.ts';
import { registerServicesRoutes } from '@server/modules/backoffice/backoffice.services.routes.ts';
import { createServicesService } from '@server/modules/backoffice/backoffice.services.service.ts';
import { createStaffRepository } from '@server/modules/backoffice/backoffice.staff.repository.ts';
import { registerStaffRoutes } from '@server/modules/backoffice/backoffice.staff.routes.ts';
import { createStaffService } from '@server/modules/backoffice/backoffice.staff.service.ts';
import { createTariffsRepository } from '@server/modules/backoffice/backoffice.tariffs.repository.ts';
import { registerTariffsRoutes } from '@server/modules/backoffice/backoffice.tariffs.routes.ts';
import { createTariffsService } from '@server/modules/backoffice/backoffice.tariffs.service.ts';

/** Repositories and services of the back office, wired once per application. */
function createBackoffice(ctx: AppContext) {
  const changes = createChangesRepository();
  const recorder = createRecorder(ctx, changes);
  const agencies = createAgenciesRepository();
  const clients = createClientsRepository();
  const contracts = createContractsRepository();
  const services = createServicesRepository();

  return {
    changes,
    agencies: createAgenciesService(ctx, { agencies, recorder }),
    staff: createStaffService(ctx, { staff: createStaffRepository(), agencies, recorder }),
    clients: createClientsService(ctx, { clients, recorder }),
    contracts: createContractsService(ctx, { contracts, clients, recorder }),
    services: createServicesService(ctx, { services, contracts, agencies, recorder }),
    tariffs: createTariffsService(ctx, {
      tariffs: createTariffsRepository(),
      services,
      contracts,
      recorder,
    }),
    items: createItemsService(ctx, { items: createItemsRepository(), services, recorder }),
    forms: createFormsService(ctx, { forms: createFormsRepository(), services, recorder }),
  };
}

/**
 * The back office's catalogue management ("Retaguarda"), under /api/v1/backoffice. The role is
 * checked before anything else, so an attendant learns nothing from validation messages.
 */
export function registerBackoffice(app: App, ctx: AppContext) {
  const backoffice = createBackoffice(ctx);

  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      backOfficeActor(request.actor);
    });
    scoped.addHook('preValidation', rejectNulCharacters);
    registerChangesRoutes(scoped, ctx, backoffice.changes);
    registerAgenciesRoutes(scoped, backoffice.agencies);
    registerStaffRoutes(scoped, backoffice.staff);
    registerClientsRoutes(scoped, backoffice.clients);
    registerContractsRoutes(scoped, backoffice.contracts);
    registerServicesRoutes(scoped, backoffice.services);
    registerTariffsRoutes(scoped, backoffice.tariffs);
    registerItemsRoutes(scoped, backoffice.items);
    registerFormsRoutes(scoped, backoffice.forms);
  });
}
