import type { AppContext } from '@server/context.ts';
import { DEMO_PARTNER_TOKEN, demoPartnerWebhookSecret } from '@server/seed/demo-partners.ts';
import { startDemoPartner } from '@demo-partner/server.ts';

/**
 * Starts the demo partner site (`demo-partner/`) beside STER for `npm start`. Configuration by
 * environment: STER_DEMO_PARTNER_PORT (3100), STER_DEMO_PARTNER_TOKEN. A failure to start it
 * (port taken) is logged and STER keeps running.
 */
export async function startDemoPartnerBesideSter(ctx: AppContext) {
  const webhookSecret = await demoPartnerWebhookSecret(ctx.db, ctx.config.secretKey);
  if (!webhookSecret) {
    ctx.logger.warn({ event: 'demo_partner_missing' }, 'demo partner credential not found');

    return;
  }
  const host = ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host;
  try {
    const site = await startDemoPartner({
      sterUrl: `http://${host}:${ctx.config.port}`,
      port: Number(process.env.STER_DEMO_PARTNER_PORT ?? 3100),
      token: DEMO_PARTNER_TOKEN,
      webhookSecret,
    });
    ctx.logger.info(
      { event: 'demo_partner_listening', url: site.url },
      `Parceiro de demonstração (Claro) em ${site.url}/confirmacoes; token do parceiro: ` +
        DEMO_PARTNER_TOKEN,
    );
  } catch (error) {
    ctx.logger.error({ err: error, event: 'demo_partner_failed' }, 'demo partner did not start');
  }
}
