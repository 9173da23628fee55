import type { StaffRole } from '@server/db/schema.ts';
import { AppError } from '@server/errors.ts';

/** A signed-in member of staff: an attendant or supervisor at an agency, or back office. */
export type StaffActor = {
  kind: 'staff';
  staffId: string;
  sessionId: string;
  registration: string;
  name: string;
  role: StaffRole;
  agency: { id: string; code: string; name: string; kind: 'own' | 'franchised' } | null;
  terminal: string | null;
};

/** Someone with no credentials: a citizen on the public pages. */
export type AnonymousActor = { kind: 'anonymous' };

/**
 * A citizen signed in with IdCorreios: the CPF comes from the provider's ID token, so a citizen
 * sees exactly the protocols whose CPF index matches `documentHash`.
 */
export type CitizenActor = {
  kind: 'citizen';
  sessionId: string;
  cpf: string;
  documentHash: string;
  name: string | null;
};

/** Who is making a request. Every object-level check starts from this. */
export type Actor = StaffActor | AnonymousActor | CitizenActor;

export const COUNTER_ROLES: readonly StaffRole[] = ['attendant', 'supervisor'];
export const BACK_OFFICE_ROLES: readonly StaffRole[] = ['backOffice', 'admin'];

export function requireStaff(actor: Actor, roles?: readonly StaffRole[]): StaffActor {
  if (actor.kind !== 'staff') {
    throw new AppError('UNAUTHENTICATED', 'Entre com sua matrícula e senha para continuar.');
  }
  if (roles && !roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', 'Seu perfil não permite esta operação.');
  }

  return actor;
}

export function requireCitizen(actor: Actor): CitizenActor {
  if (actor.kind !== 'citizen') {
    throw new AppError('UNAUTHENTICATED', 'Entre com o IdCorreios para continuar.');
  }

  return actor;
}

/** An attendant or supervisor, who always works at one agency. */
export function requireCounterStaff(
  actor: Actor,
): StaffActor & { agency: NonNullable<StaffActor['agency']> } {
  const staff = requireStaff(actor, COUNTER_ROLES);
  if (!staff.agency) {
    throw new AppError('FORBIDDEN', 'Seu usuário não está vinculado a uma agência.');
  }

  return staff as StaffActor & { agency: NonNullable<StaffActor['agency']> };
}

/** The label recorded in histories: "Atendente 83278281". */
export function actorLabel(actor: StaffActor): string {
  return `${actor.registration} ${actor.name}`;
}
