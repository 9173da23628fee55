import type { AppContext } from '@server/context.ts';
import { AppError, notFound } from '@server/errors.ts';
import { requireStaff, type Actor } from '@server/modules/auth/actor.ts';
import type {
  AgencyScope,
  CatalogueRepository,
} from '@server/modules/catalogue/catalogue.repository.ts';

/**
 * The "Atendimento" screen's catalogue: clients and their services as this agency offers them,
 * and a service's published hosted form. The public pages see pre-attendance services only.
 */
/** The attendance types a citizen starts on the portal: pre-attendance, or virtual (signed in). */
export type PublicAttendanceType = 'preAttendance' | 'virtual';

export function createCatalogueService(ctx: AppContext, catalogue: CatalogueRepository) {
  function agencyOf(actor: Actor): AgencyScope | null {
    const staff = requireStaff(actor);

    return staff.agency ? { id: staff.agency.id, kind: staff.agency.kind } : null;
  }

  return {
    async listClients(actor: Actor, name: string | undefined) {
      const rows = await catalogue.listClients(ctx.db, { name, agency: agencyOf(actor) });

      return { clients: rows.map((row) => ({ ...row, serviceCount: Number(row.serviceCount) })) };
    },

    async listServices(actor: Actor, clientId: string) {
      return { services: await catalogue.listServicesOfClient(ctx.db, clientId, agencyOf(actor)) };
    },

    async listPublicClients(
      name: string | undefined,
      attendanceType: PublicAttendanceType = 'preAttendance',
    ) {
      const rows = await catalogue.listClients(ctx.db, { name, agency: null, attendanceType });

      return { clients: rows.map((row) => ({ ...row, serviceCount: Number(row.serviceCount) })) };
    },

    async listPublicServices(
      clientId: string,
      attendanceType: PublicAttendanceType = 'preAttendance',
    ) {
      const rows = await catalogue.listServicesOfClient(ctx.db, clientId, null, attendanceType);

      return { services: rows.filter((row) => row.solution === 'hostedForm') };
    },

    async form(
      actor: Actor | null,
      serviceId: string,
      publicType: PublicAttendanceType = 'preAttendance',
    ) {
      if (actor) {
        requireStaff(actor);
      }
      const service = await catalogue.findServiceForAttendance(ctx.db, serviceId);
      if (!service || (actor === null && !service.attendanceTypes.includes(publicType))) {
        throw notFound('Serviço');
      }
      const form = await catalogue.findPublishedForm(ctx.db, serviceId);
      if (!form) {
        throw new AppError(
          'SERVICE_NOT_AVAILABLE',
          'Este serviço ainda não tem formulário publicado.',
        );
      }

      return { form };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
