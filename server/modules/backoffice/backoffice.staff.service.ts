import type { AppContext } from '@server/context.ts';
import type { StaffRole } from '@server/db/schema.ts';
import type { Tx } from '@server/db/transaction.ts';
import { AppError, fieldError, forbidden } from '@server/errors.ts';
import { COUNTER_ROLES, type StaffActor } from '@server/modules/auth/actor.ts';
import type { AgenciesRepository } from '@server/modules/backoffice/backoffice.agencies.repository.ts';
import { pageResult, type PageInput } from '@server/modules/backoffice/backoffice.common.ts';
import type { ChangeSpec, Recorder } from '@server/modules/backoffice/backoffice.recorder.ts';
import type {
  StaffFilter,
  StaffRepository,
} from '@server/modules/backoffice/backoffice.staff.repository.ts';
import type {
  StaffBody,
  StaffUpdateBody,
} from '@server/modules/backoffice/backoffice.staff.schema.ts';
import { hashPassword } from '@server/security/passwords.ts';

const SPEC: ChangeSpec = {
  entity: 'staff',
  label: 'Funcionário',
  conflicts: {
    staff_registration_key: {
      field: 'body.registration',
      message: 'Já existe um funcionário com esta matrícula.',
    },
  },
};

/** Staff accounts: attendants and supervisors at an agency, back office and admins. */
export function createStaffService(
  ctx: AppContext,
  deps: { staff: StaffRepository; agencies: AgenciesRepository; recorder: Recorder },
) {
  const { staff: repository, agencies, recorder } = deps;

  /** Only an admin may create an admin, make someone one, or change one. */
  function checkAuthority(actor: StaffActor, roles: (StaffRole | undefined)[]) {
    if (actor.role !== 'admin' && roles.includes('admin')) {
      throw forbidden('Apenas administradores podem criar ou alterar administradores.');
    }
  }

  /** Counter staff always work at one agency, and that agency must exist. */
  async function checkAgency(tx: Tx, role: StaffRole, agencyId: string | null) {
    if (agencyId === null) {
      if (COUNTER_ROLES.includes(role)) {
        throw fieldError(
          'body.agencyId',
          'required',
          'Informe a agência: atendentes e supervisores trabalham numa agência.',
        );
      }

      return;
    }
    if (!(await agencies.existing(tx, [agencyId])).has(agencyId)) {
      throw fieldError('body.agencyId', 'notFound', 'Agência não encontrada.');
    }
  }

  return {
    async list(filter: StaffFilter, page: PageInput) {
      const { rows, total } = await repository.list(ctx.db, filter, page);

      return { staff: rows, page: pageResult(page, total) };
    },

    async create(actor: StaffActor, body: StaffBody) {
      checkAuthority(actor, [body.role]);
      const { password, ...fields } = body;
      const passwordHash = await hashPassword(password);
      const staff = await recorder.create(actor, SPEC, async (tx) => {
        const agencyId = fields.agencyId ?? null;
        await checkAgency(tx, fields.role, agencyId);

        return repository.insert(tx, { ...fields, agencyId, passwordHash });
      });

      return { staff };
    },

    async update(actor: StaffActor, id: string, body: StaffUpdateBody, expectedVersion?: number) {
      checkAuthority(actor, [body.role]);
      const staff = await recorder.update(
        actor,
        SPEC,
        (tx) => repository.lock(tx, id),
        async (tx, before) => {
          checkAuthority(actor, [before.role]);
          const role = body.role ?? before.role;
          const changesOwnAccess = role !== before.role || body.active === false;
          if (id === actor.staffId && changesOwnAccess) {
            throw new AppError(
              'RULE_VIOLATED',
              'Você não pode mudar o próprio perfil nem desativar o próprio usuário.',
            );
          }
          const agencyId = body.agencyId === undefined ? before.agencyId : body.agencyId;
          await checkAgency(tx, role, agencyId);
          const now = ctx.clock.now();
          if (body.active === false) {
            await repository.revokeSessions(tx, id, now);
          }

          return repository.update(tx, id, { ...body, updatedAt: now });
        },
        expectedVersion,
      );

      return { staff };
    },

    /** Sets a new password and ends the person's open sessions. */
    async resetPassword(actor: StaffActor, id: string, password: string) {
      const passwordHash = await hashPassword(password);
      const staff = await recorder.update(
        actor,
        SPEC,
        (tx) => repository.lock(tx, id),
        async (tx, before) => {
          checkAuthority(actor, [before.role]);
          const now = ctx.clock.now();
          await repository.revokeSessions(tx, id, now);
          const after = await repository.update(tx, id, { passwordHash, updatedAt: now });

          return { ...after, passwordReset: true };
        },
      );
      const { passwordReset: _logged, ...view } = staff;

      return { staff: view };
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
