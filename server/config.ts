import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export type Config = {
  /** A PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files and where a generated secret key is stored. */
  dataDir: string;
  host: string;
  port: number;
  logLevel: string;
  /** 32 bytes from which the CPF index and the personal-data encryption keys are derived. */
  secretKey: Buffer;
  /** Send cookies only over HTTPS: on in production, off for http://localhost. */
  secureCookies: boolean;
  /** How often the scheduled jobs (expiry) run; 0 disables them. */
  jobIntervalMs: number;
  /** Where issued statements are POSTed (the ERP's endpoint); unset keeps them queued. */
  erpUrl?: string | undefined;
  /** The Standard Webhooks secret (`whsec_…`) statements to the ERP are signed with. */
  erpSecret?: string | undefined;
  /** Requests per minute each partner credential may make to each `/ster/api/...` route. */
  partnerRateLimit?: number;
  /** The citizens' single sign-on (IdCorreios, OpenID Connect); null when not configured. */
  oidc: OidcConfig | null;
  /** The ERP's credential for pushing catalogue imports; unset disables the ERP endpoint. */
  erpToken?: string | undefined;
};

/** A relying-party registration with an OpenID provider, as any real provider issues one. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: the portal's `/cidadao/retorno` page. */
  redirectUri: string;
};

function readOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.STER_OIDC_ISSUER;
  if (!issuer) {
    return null;
  }
  const clientId = env.STER_OIDC_CLIENT_ID;
  const clientSecret = env.STER_OIDC_CLIENT_SECRET;
  const redirectUri = env.STER_OIDC_REDIRECT_URI;
  if (!clientId || !clientSecret || !redirectUri) {
    throw new Error(
      'STER_OIDC_ISSUER needs STER_OIDC_CLIENT_ID, STER_OIDC_CLIENT_SECRET and STER_OIDC_REDIRECT_URI',
    );
  }

  return { issuer, clientId, clientSecret, redirectUri };
}

function readSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.STER_SECRET_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, /^[0-9a-f]{64}$/i.test(fromEnv) ? 'hex' : 'base64');
    if (key.length !== 32) {
      throw new Error('STER_SECRET_KEY must be 32 bytes, as 64 hex digits or base64');
    }

    return key;
  }

  // Without a configured key, a single machine keeps one next to its data. Several servers
  // sharing one PostgreSQL must all be given the same STER_SECRET_KEY instead.
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }

  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.STER_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  }

  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    secretKey: readSecretKey(env, dataDir),
    secureCookies: env.STER_SECURE_COOKIES
      ? env.STER_SECURE_COOKIES === 'true'
      : env.NODE_ENV === 'production',
    jobIntervalMs: Number(env.STER_JOB_INTERVAL_MS ?? 60_000),
    erpUrl: env.STER_ERP_URL || undefined,
    erpSecret: env.STER_ERP_SECRET || undefined,
    partnerRateLimit: Number(env.STER_PARTNER_RATE_LIMIT ?? 300),
    oidc: readOidc(env),
    erpToken: env.STER_ERP_TOKEN || undefined,
  };
}
