import type { FastifyRequest } from 'fastify';
import type { Database } from '@server/db/database.ts';
import { inTransaction, isUniqueViolation, type Tx } from '@server/db/transaction.ts';
import { AppError, fieldError } from '@server/errors.ts';
import {
  BACK_OFFICE_ROLES,
  requireStaff,
  type Actor,
  type StaffActor,
} from '@server/modules/auth/actor.ts';

export type Reader = Database | Tx;

/** Back office and admin only: anonymous callers get 401, counter staff 403. */
export function backOfficeActor(actor: Actor): StaffActor {
  return requireStaff(actor, BACK_OFFICE_ROLES);
}

export const staffOf = (request: FastifyRequest) => backOfficeActor(request.actor);

/** The dotted path of the first text holding a NUL character, which PostgreSQL cannot store. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, `${path}.${key}`);
      if (found) {
        return found;
      }
    }
  }

  return null;
}

/** Refuses NUL characters anywhere in the query or body with a 400, before any SQL runs. */
export async function rejectNulCharacters(request: FastifyRequest) {
  const field = nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
  if (field) {
    throw fieldError(field, 'character', 'O texto contém um caractere não permitido (NUL).');
  }
}

/** A `true`/`false` query-string filter, or no filter. */
export function flag(value: 'true' | 'false' | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true';
}

export type PageInput = { q: string | undefined; limit: number; offset: number };

export const MAX_PAGE = 100;

function boundedNumber(text: string | undefined, field: string, fallback: number, max: number) {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (value < (field === 'limit' ? 1 : 0) || value > max) {
    const message = `Informe um valor entre ${field === 'limit' ? 1 : 0} e ${max}.`;

    throw new AppError('VALIDATION_FAILED', `query.${field}: ${message}`, {
      fields: [{ field: `query.${field}`, code: 'range', message }],
    });
  }

  return value;
}

export function pageOf(query: { q?: string; limit?: string; offset?: string }): PageInput {
  return {
    q: query.q?.trim() || undefined,
    limit: boundedNumber(query.limit, 'limit', 50, MAX_PAGE),
    offset: boundedNumber(query.offset, 'offset', 0, 9_999_999),
  };
}

export function pageResult(input: PageInput, total: number) {
  return { limit: input.limit, offset: input.offset, total };
}

/** What to tell the person when a unique constraint refuses a value. */
export type ConflictMessages = Record<string, { field: string; message: string }>;

/**
 * Runs a catalogue change in one transaction and turns what the database refused into 4xx
 * answers: a unique value taken (even by a concurrent request) is 409, a broken reference or
 * check is 400, and an append-only or immutability trigger is 422. Never a 500, never half a
 * change.
 */
export async function writing<T>(
  db: Database,
  conflicts: ConflictMessages,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(db, work);
  } catch (error) {
    throw translateDatabaseError(error, conflicts) ?? error;
  }
}

function translateDatabaseError(error: unknown, conflicts: ConflictMessages): AppError | null {
  const failure = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (isUniqueViolation(error)) {
    const known = typeof failure?.constraint === 'string' ? conflicts[failure.constraint] : null;
    const message = known?.message ?? 'Já existe um registro com estes dados.';

    return new AppError('CONFLICT', message, {
      cause: error,
      ...(known ? { fields: [{ field: known.field, code: 'taken', message }] } : {}),
    });
  }
  switch (failure?.code) {
    case '23503':
      return new AppError('VALIDATION_FAILED', 'Um dos registros indicados não existe.', {
        cause: error,
      });
    case '23514':
    case '22003':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('VALIDATION_FAILED', 'Algum valor informado não é aceito.', {
        cause: error,
      });
    case '55000':
      return new AppError('RULE_VIOLATED', 'Este registro não pode mais ser alterado.', {
        cause: error,
      });
    default:
      return null;
  }
}

/** The version an `If-Match` header names, if any (quotes of an entity tag allowed). */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];

  return typeof header === 'string' ? Number(header.replaceAll('"', '')) : undefined;
}
