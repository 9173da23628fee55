import type { AppContext } from '@server/context.ts';
import { erpSecretOf } from '@server/modules/outbox/erp-billing.worker.ts';
import { startErpStandin } from '@erp-standin/server.ts';

/**
 * For `ster demo`: points STER's ERP deliveries at the stand-in (unless STER_ERP_URL says
 * otherwise) and starts it on STER_ERP_PORT (3300). A failure to start is logged, not fatal.
 */
export function pointAtErpStandin(ctx: AppContext): number {
  const port = Number(process.env.STER_ERP_PORT ?? 3300);
  ctx.config.erpUrl ??= `http://127.0.0.1:${port}/extratos`;

  return port;
}

export async function startErpStandinBesideSter(ctx: AppContext, port: number) {
  try {
    const erp = await startErpStandin({ port, secret: erpSecretOf(ctx) });
    ctx.logger.info(
      { event: 'erp_standin_listening', url: erp.url },
      `ERP de demonstração em ${erp.url}/extratos (confirmações em ${erp.url}/confirmacoes.csv)`,
    );
  } catch (error) {
    ctx.logger.error({ err: error, event: 'erp_standin_failed' }, 'ERP stand-in did not start');
  }
}
