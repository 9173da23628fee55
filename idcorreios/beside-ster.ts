import type { AppContext } from '@server/context.ts';
import { startIdCorreios } from '@idcorreios/provider.ts';

/** The demo relying-party registration of STER with the stand-in (not a secret worth keeping). */
export const DEMO_OIDC_CLIENT = { clientId: 'ster-demo', clientSecret: 'ster-demo-secret' };
export const DEMO_IDCORREIOS_PORT = 3200;

/**
 * For `ster demo`: points STER at the IdCorreios stand-in unless another provider is configured.
 * Called before the configuration is read.
 */
export function useDemoIdCorreios(env: NodeJS.ProcessEnv) {
  if (env.STER_OIDC_ISSUER) {
    return;
  }
  const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1';
  const port = Number(env.STER_IDCORREIOS_PORT ?? DEMO_IDCORREIOS_PORT);
  env.STER_OIDC_ISSUER = `http://${host}:${port}`;
  env.STER_OIDC_CLIENT_ID = DEMO_OIDC_CLIENT.clientId;
  env.STER_OIDC_CLIENT_SECRET = DEMO_OIDC_CLIENT.clientSecret;
  env.STER_OIDC_REDIRECT_URI = `http://${host}:${env.PORT ?? 3000}/cidadao/retorno`;
  env.STER_START_IDCORREIOS = 'true';
}

/** Starts the stand-in beside STER when `useDemoIdCorreios` chose it; a failure is logged. */
export async function startIdCorreiosBesideSter(ctx: AppContext) {
  const oidc = ctx.config.oidc;
  if (process.env.STER_START_IDCORREIOS !== 'true' || !oidc) {
    return;
  }
  const { hostname, port } = new URL(oidc.issuer);
  try {
    const provider = await startIdCorreios({
      host: hostname,
      port: Number(port),
      clients: [{ ...DEMO_OIDC_CLIENT, redirectUris: [oidc.redirectUri] }],
    });
    ctx.logger.info(
      { event: 'idcorreios_listening', url: provider.issuer },
      `IdCorreios de demonstração em ${provider.issuer} (entre com o CPF de um cidadão do README)`,
    );
  } catch (error) {
    ctx.logger.error({ err: error, event: 'idcorreios_failed' }, 'IdCorreios did not start');
  }
}
