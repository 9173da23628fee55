import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import {
  createDeliveryRepository,
  type ClaimedDelivery,
  type DeliveryOutcome,
} from '@server/modules/outbox/outbox.deliveries.repository.ts';
import { postJson } from '@server/modules/outbox/outbox.http.ts';
import { signWebhook, webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';
import { outcomeOf, RETRY_POLICY } from '@server/modules/outbox/outbox.worker.ts';
import { callbackUrlProblem } from '@server/modules/partner/partner.callback-url.ts';
import { createHooksRepository } from '@server/modules/partner/partner.hooks.repository.ts';
import type { SealedCitizen } from '@server/modules/protocol/protocol.presenter.ts';

type Submission = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createHooksRepository>['findSubmission']>>
>;

/** The form data as the partner's API receives it, in the contract's style. */
export function submissionBody(ctx: AppContext, row: Submission): string {
  const citizen = row.citizenSealed ? ctx.vault.unseal<SealedCitizen>(row.citizenSealed) : null;

  return JSON.stringify({
    numeroProtocolo: row.code,
    codigoServico: row.serviceCode,
    tipoAtendimento: row.attendanceType,
    situacao: row.status,
    codigoAgencia: row.agencyCode,
    numeroIdentificacaoCliente: citizen?.document.number ?? null,
    nomeCliente: citizen?.name ?? null,
    dados: row.formDataSealed ? ctx.vault.unseal<Record<string, unknown>>(row.formDataSealed) : {},
    dataCriacao: row.createdAt.toISOString(),
  });
}

/**
 * Submits hosted-form data to the client's partner API, as the outbox subscriber
 * `partnerSubmission`: at least once (dedupe on `webhook-id`, stable across retries), in order
 * per protocol, signed like the confirmations, retried on the same schedule, and logged in the
 * same delivery log. The data is read and unsealed at delivery time; the outbox holds none.
 */
export function createPartnerSubmissionWorker(
  ctx: AppContext,
  options: { timeoutMs?: number } = {},
) {
  const deliveries = createDeliveryRepository();
  const hooks = createHooksRepository();
  const timeoutMs = options.timeoutMs ?? RETRY_POLICY.timeoutMs;

  async function attempt(delivery: ClaimedDelivery, now: Date): Promise<DeliveryOutcome> {
    const row = await hooks.findSubmission(ctx.db, delivery.protocolId);
    const url = row?.submissionUrl ?? null;
    const problem = url ? await callbackUrlProblem(url) : 'Serviço sem URL de envio configurada.';
    if (!row || !url || problem) {
      return outcomeOf(delivery, { statusCode: null, error: problem ?? 'sem URL' }, now);
    }
    const body = submissionBody(ctx, row);
    const secret = webhookSecretOf(ctx.config.secretKey, row.partnerId, row.webhookSecretVersion);
    const headers = signWebhook(secret, `sub_${delivery.id}`, now, body);

    return outcomeOf(delivery, await postJson(url, body, headers, timeoutMs), now);
  }

  return {
    async deliverDue(limit = 50) {
      const now = ctx.clock.now();
      const leaseUntil = new Date(now.getTime() + RETRY_POLICY.leaseMs);
      const claimed = await inTransaction(ctx.db, (tx) =>
        deliveries.claimDue(tx, 'partnerSubmission', now, leaseUntil, limit),
      );
      let delivered = 0;
      for (const delivery of claimed) {
        const started = performance.now();
        const outcome = await attempt(delivery, now);
        const durationMs = Math.round(performance.now() - started);
        await inTransaction(ctx.db, (tx) =>
          deliveries.record(tx, delivery.id, now, durationMs, outcome),
        );
        if (outcome.kind === 'delivered') {
          delivered += 1;
        } else {
          ctx.logger.info(
            { event: 'submission_failed', deliveryId: delivery.id, error: outcome.error },
            'partner form submission not delivered',
          );
        }
      }

      return { attempted: claimed.length, delivered };
    },
  };
}
