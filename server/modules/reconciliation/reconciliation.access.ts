import { AppError } from '@server/errors.ts';
import {
  BACK_OFFICE_ROLES,
  requireStaff,
  type Actor,
  type StaffActor,
} from '@server/modules/auth/actor.ts';

export function isBackOffice(staff: StaffActor): boolean {
  return BACK_OFFICE_ROLES.includes(staff.role);
}

/**
 * The agency a supervisor or back-office member acts on. Supervisors act on their own agency
 * only; another agency is "not found", as for protocols. Attendants may not import or close.
 */
export function managedAgency(actor: Actor, agencyId: string | undefined, field: string) {
  const staff = requireStaff(actor, ['supervisor', ...BACK_OFFICE_ROLES]);
  if (isBackOffice(staff)) {
    if (!agencyId) {
      throw new AppError('VALIDATION_FAILED', 'Informe a agência.', {
        fields: [{ field, code: 'required', message: 'Escolha a agência.' }],
      });
    }

    return { staff, agencyId };
  }
  const own = staff.agency?.id;
  if (!own || (agencyId && agencyId !== own)) {
    throw new AppError('NOT_FOUND', 'Agência não encontrada.', {
      fields: [{ field, code: 'notFound', message: 'Agência não encontrada.' }],
    });
  }

  return { staff, agencyId: own };
}

/** A calendar day given by a person: a real date, and not in the future. */
export function businessDay(value: string, today: string, field: string): string {
  const at = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    throw new AppError('VALIDATION_FAILED', 'Data inválida.', {
      fields: [{ field, code: 'date', message: 'Informe uma data válida (AAAA-MM-DD).' }],
    });
  }
  if (value > today) {
    throw new AppError('RULE_VIOLATED', 'A data ainda não chegou.', {
      fields: [{ field, code: 'future', message: 'Escolha hoje ou um dia anterior.' }],
    });
  }

  return value;
}
