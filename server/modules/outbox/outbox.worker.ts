import type { AppContext } from '@server/context.ts';
import { inTransaction } from '@server/db/transaction.ts';
import { confirmationCodeOf } from '@server/modules/outbox/confirmation-codes.ts';
import {
  createDeliveryRepository,
  type ClaimedDelivery,
  type DeliveryOutcome,
} from '@server/modules/outbox/outbox.deliveries.repository.ts';
import { postJson } from '@server/modules/outbox/outbox.http.ts';
import { signWebhook, webhookSecretOf } from '@server/modules/outbox/outbox.signing.ts';
import { callbackUrlProblem } from '@server/modules/partner/partner.callback-url.ts';
import type { ProtocolStatus } from '@shared/protocol/lifecycle.ts';

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

/** Retry schedule: 30 s, doubling, at most 6 h apart, for 5 days; then the delivery fails. */
export const RETRY_POLICY = {
  firstDelayMs: 30 * SECOND,
  maxDelayMs: 6 * HOUR,
  giveUpAfterMs: 5 * 24 * HOUR,
  /** A claimed delivery is retried after this if its worker died mid-flight. */
  leaseMs: 2 * 60 * SECOND,
  timeoutMs: 10 * SECOND,
};

export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(RETRY_POLICY.firstDelayMs * 2 ** attemptsSoFar, RETRY_POLICY.maxDelayMs);
}

/** The legacy callback body, exactly the two fields the published contract names. */
export function callbackBody(payload: Record<string, unknown>): string {
  const code = confirmationCodeOf(
    payload.toStatus as ProtocolStatus,
    typeof payload.reason === 'string' ? payload.reason : null,
  );

  return JSON.stringify({ numeroProtocolo: payload.protocolCode, codigoConfirmacao: code });
}

/** What one attempt means for a delivery: done, another try after the backoff, or given up. */
export function outcomeOf(
  delivery: Pick<ClaimedDelivery, 'attempts' | 'createdAt'>,
  result: { statusCode: number | null; error?: string },
  now: Date,
): DeliveryOutcome {
  if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) {
    return { kind: 'delivered', statusCode: result.statusCode };
  }
  const error = result.error ?? `HTTP ${result.statusCode}`;
  if (now.getTime() - delivery.createdAt.getTime() >= RETRY_POLICY.giveUpAfterMs) {
    return { kind: 'failed', statusCode: result.statusCode, error };
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(delivery.attempts));

  return { kind: 'retry', statusCode: result.statusCode, error, nextAttemptAt };
}

/**
 * Delivers partner confirmations from the outbox: at least once (a lost answer means another
 * attempt; receivers dedupe by `webhook-id`, which stays the same across retries and replays),
 * in order per protocol, signed with Standard Webhooks headers. `deliverDue` does one pass and
 * is what the scheduler calls on a timer and tests call with their clock.
 */
export function createPartnerCallbackWorker(ctx: AppContext, options: { timeoutMs?: number } = {}) {
  const deliveries = createDeliveryRepository();
  const timeoutMs = options.timeoutMs ?? RETRY_POLICY.timeoutMs;

  async function attempt(delivery: ClaimedDelivery, now: Date): Promise<DeliveryOutcome> {
    const problem = delivery.confirmationUrl
      ? await callbackUrlProblem(delivery.confirmationUrl)
      : 'Parceiro sem URL de confirmação configurada.';
    const result = problem
      ? { statusCode: null, error: problem }
      : await post(delivery, delivery.confirmationUrl as string, now);

    return outcomeOf(delivery, result, now);
  }

  function post(delivery: ClaimedDelivery, url: string, now: Date) {
    const body = callbackBody(delivery.payload);
    const secret = webhookSecretOf(
      ctx.config.secretKey,
      delivery.partnerId as string,
      delivery.webhookSecretVersion ?? 1,
    );

    return postJson(url, body, signWebhook(secret, `msg_${delivery.id}`, now, body), timeoutMs);
  }

  return {
    async deliverDue(limit = 50) {
      const now = ctx.clock.now();
      const leaseUntil = new Date(now.getTime() + RETRY_POLICY.leaseMs);
      const claimed = await inTransaction(ctx.db, (tx) =>
        deliveries.claimDue(tx, 'partnerCallback', now, leaseUntil, limit),
      );
      const outcomes = await Promise.all(
        claimed.map(async (delivery) => {
          const started = performance.now();
          const outcome = await attempt(delivery, now);
          const durationMs = Math.round(performance.now() - started);
          await inTransaction(ctx.db, (tx) =>
            deliveries.record(tx, delivery.id, now, durationMs, outcome),
          );
          if (outcome.kind !== 'delivered') {
            ctx.logger.info(
              { event: 'callback_failed', deliveryId: delivery.id, error: outcome.error },
              'partner callback not delivered',
            );
          }

          return outcome.kind;
        }),
      );

      return {
        attempted: outcomes.length,
        delivered: outcomes.filter((kind) => kind === 'delivered').length,
        failed: outcomes.filter((kind) => kind === 'failed').length,
      };
    },
  };
}

export type PartnerCallbackWorker = ReturnType<typeof createPartnerCallbackWorker>;
