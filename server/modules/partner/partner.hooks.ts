import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import { AppError, fieldError, notFound } from '@server/errors.ts';
import { BACK_OFFICE_ROLES, requireStaff, type Actor } from '@server/modules/auth/actor.ts';
import { createChangesRepository } from '@server/modules/backoffice/backoffice.changes.repository.ts';
import { callbackUrlProblem } from '@server/modules/partner/partner.callback-url.ts';
import type { HooksRepository } from '@server/modules/partner/partner.hooks.repository.ts';
import type { PartnerRepository } from '@server/modules/partner/partner.repository.ts';

export type HookInput = { validationUrl: string | null; submissionUrl: string | null };

/** Partner URLs face the same SSRF guard as confirmation URLs, when saved and when called. */
async function checkUrl(url: string | null, field: string) {
  const problem = url === null ? null : await callbackUrlProblem(url);
  if (problem) {
    throw fieldError(field, 'callbackUrl', problem);
  }
}

/**
 * Back office configures which hosted-form services of a partner's client call that partner:
 * a validation endpoint asked before the protocol is created, and an API that receives the
 * form data afterwards. Each change is logged with the hook as it was and as it became.
 */
export function createHooksAdmin(
  ctx: AppContext,
  hooks: HooksRepository,
  partners: PartnerRepository,
) {
  const changes = createChangesRepository();

  async function list(partnerId: string) {
    const rows = await hooks.listForPartner(ctx.db, partnerId);

    return {
      services: rows.map((row) => ({
        serviceId: row.serviceId,
        serviceCode: row.serviceCode,
        serviceName: row.serviceName,
        solution: row.solution,
        validationUrl: row.validationUrl,
        submissionUrl: row.submissionUrl,
      })),
    };
  }

  return {
    async list(actor: Actor, partnerId: string) {
      requireStaff(actor, BACK_OFFICE_ROLES);
      if (!(await partners.findPartner(ctx.db, partnerId))) {
        throw notFound('Parceiro');
      }

      return list(partnerId);
    },

    /** Sets (or, with both URLs null, removes) the hook of one service. */
    async set(actor: Actor, partnerId: string, serviceId: string, input: HookInput) {
      const staff = requireStaff(actor, BACK_OFFICE_ROLES);
      await checkUrl(input.validationUrl, 'body.validationUrl');
      await checkUrl(input.submissionUrl, 'body.submissionUrl');

      await inTransaction(ctx.db, async (tx) => {
        const service = await hooks.findServiceOfPartner(tx, partnerId, serviceId);
        if (!service) {
          throw notFound('Serviço do cliente deste parceiro');
        }
        if (service.solution !== 'hostedForm') {
          throw new AppError(
            'RULE_VIOLATED',
            'Só serviços com formulário do STER chamam o parceiro; este usa o site do cliente.',
            {
              fields: [
                {
                  field: 'params.serviceId',
                  code: 'solution',
                  message: 'Serviço de site do cliente.',
                },
              ],
            },
          );
        }
        if (service.partnerId !== null && service.partnerId !== partnerId) {
          throw new AppError('CONFLICT', 'Este serviço já chama outro parceiro do cliente.', {
            fields: [{ field: 'params.serviceId', code: 'taken', message: 'Já configurado.' }],
          });
        }
        const empty = input.validationUrl === null && input.submissionUrl === null;
        if (empty) {
          await hooks.remove(tx, serviceId);
        } else {
          await hooks.save(tx, { serviceId, partnerId, ...input }, ctx.clock.now());
        }
        await changes.record(tx, staff, {
          entity: 'partnerServiceHook',
          entityId: serviceId,
          before:
            service.partnerId === null
              ? null
              : {
                  partnerId,
                  serviceCode: service.code,
                  validationUrl: service.validationUrl,
                  submissionUrl: service.submissionUrl,
                },
          after: { partnerId, serviceCode: service.code, ...input },
        });
      });

      return list(partnerId);
    },
  };
}

export type HooksAdmin = ReturnType<typeof createHooksAdmin>;
