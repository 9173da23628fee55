import type { AppContext } from '@server/context.ts';
import { AppError } from '@server/errors.ts';
import type { CitizenActor } from '@server/modules/auth/actor.ts';
import type { CitizenAuthRepository } from '@server/modules/citizen-auth/citizen-auth.repository.ts';
import type { OidcRelyingParty } from '@server/modules/citizen-auth/citizen-auth.oidc.ts';
import { hashToken, newToken } from '@server/security/tokens.ts';
import { parseCitizenDocument } from '@shared/documents.ts';

/** A sign-in must come back from the provider within 10 minutes. */
export const SIGN_IN_TTL_MS = 10 * 60 * 1000;
/** Citizens' sessions end after 30 idle minutes, and in any case 2 hours after sign-in. */
export const CITIZEN_IDLE_MS = 30 * 60 * 1000;
export const CITIZEN_ABSOLUTE_MS = 2 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

/** What a citizen's session keeps sealed: the CPF and the name the provider vouched for. */
type SealedSessionCitizen = { cpf: string; name: string | null };

/** Only portal pages may be returned to after sign-in: no open redirect. */
export function safeReturnTo(returnTo: string | undefined): string {
  return returnTo && /^\/cidadao(\/[\w\-/]*)?$/.test(returnTo) ? returnTo : '/cidadao/virtual';
}

const signInFailed = (message = 'Não foi possível concluir a entrada. Entre de novo.') =>
  new AppError('CITIZEN_SIGN_IN_FAILED', message);

export function createCitizenAuthService(
  ctx: AppContext,
  repository: CitizenAuthRepository,
  relyingParty: OidcRelyingParty,
) {
  function settings() {
    const found = relyingParty.settings();
    if (!found) {
      throw new AppError('NOT_FOUND', 'A entrada com o IdCorreios não está configurada.');
    }

    return found;
  }

  function unavailable(error: unknown) {
    ctx.logger.warn({ event: 'idcorreios_unavailable', err: error }, 'IdCorreios did not answer');

    return new AppError(
      'SIGN_IN_UNAVAILABLE',
      'O IdCorreios não respondeu. Tente de novo em instantes.',
    );
  }

  return {
    /** Starts a sign-in: the provider's URL for the browser, and the handle its cookie keeps. */
    async begin(returnTo: string | undefined) {
      const config = settings();
      const started = await relyingParty.begin(config).catch((error: unknown) => {
        throw unavailable(error);
      });
      const handle = newToken();
      const now = ctx.clock.now();
      await repository.deleteStaleSignIns(now);
      await repository.createSignIn({
        handleHash: hashToken(handle),
        state: started.checks.state,
        nonce: started.checks.nonce,
        codeVerifierSealed: ctx.vault.seal(started.checks.codeVerifier),
        returnTo: safeReturnTo(returnTo),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_TTL_MS),
      });

      return { url: started.url, handle };
    },

    /**
     * Completes a sign-in from the provider's callback: the handle (from this browser's cookie)
     * must name an unused, unexpired sign-in, and the code, state and ID token must pass every
     * check. Opens a session for the CPF in the ID token.
     */
    async finish(handle: string | undefined, callbackQuery: string) {
      const config = settings();
      const now = ctx.clock.now();
      const pending = handle ? await repository.consumeSignIn(hashToken(handle), now) : undefined;
      if (!pending) {
        throw signInFailed('Esta entrada expirou ou já foi usada. Entre de novo.');
      }
      const params = new URLSearchParams(callbackQuery);
      if (params.get('error')) {
        throw signInFailed('A entrada foi cancelada no IdCorreios.');
      }

      let citizen;
      try {
        citizen = await relyingParty.finish(config, callbackQuery, {
          state: pending.state,
          nonce: pending.nonce,
          codeVerifier: ctx.vault.unseal<string>(pending.codeVerifierSealed),
        });
      } catch (error) {
        if ((error as { code?: string }).code === 'OAUTH_TIMEOUT') {
          throw unavailable(error);
        }
        ctx.logger.info(
          {
            event: 'citizen_sign_in_refused',
            reason: (error as Error).message,
            detail: String((error as Error).cause ?? ''),
          },
          'IdCorreios sign-in refused',
        );
        throw signInFailed();
      }
      const document = parseCitizenDocument(citizen.cpf);
      if (!document || document.kind !== 'cpf') {
        ctx.logger.info({ event: 'citizen_sign_in_refused', reason: 'no cpf' }, 'no CPF claim');
        throw signInFailed('O IdCorreios não informou um CPF válido.');
      }

      const token = newToken();
      const sealed: SealedSessionCitizen = { cpf: document.number, name: citizen.name };
      await repository.createSession({
        tokenHash: hashToken(token),
        subject: citizen.subject,
        documentHash: ctx.vault.indexOf(document.number),
        citizenSealed: ctx.vault.seal(sealed),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + CITIZEN_ABSOLUTE_MS),
      });
      const actor = await this.resolve(token);
      if (!actor) {
        throw new Error('citizen session just created was not found');
      }

      return { token, actor, returnTo: pending.returnTo };
    },

    /** The citizen behind a session token, or null when unknown, revoked or timed out. */
    async resolve(token: string): Promise<CitizenActor | null> {
      const row = await repository.findSession(hashToken(token));
      if (!row) {
        return null;
      }
      const now = ctx.clock.now().getTime();
      if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= CITIZEN_IDLE_MS) {
        return null;
      }
      if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await repository.touchSession(row.id, new Date(now));
      }
      const citizen = ctx.vault.unseal<SealedSessionCitizen>(row.citizenSealed);

      return {
        kind: 'citizen',
        sessionId: row.id,
        cpf: citizen.cpf,
        documentHash: row.documentHash,
        name: citizen.name,
      };
    },

    /** Forgets ended sessions and abandoned sign-ins; a plain delete, safe on every server. */
    async prune() {
      const now = ctx.clock.now();
      await repository.deleteStaleSignIns(now);
      await repository.deleteEndedSessions(new Date(now.getTime() - CITIZEN_IDLE_MS));
    },

    async signOut(actor: CitizenActor) {
      await repository.revokeSession(actor.sessionId, ctx.clock.now());
    },
  };
}

export type CitizenAuthService = ReturnType<typeof createCitizenAuthService>;
