import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { findDemoCitizen } from '@idcorreios/citizens.ts';

/** A relying party registered with the stand-in: STER, with its redirect URL. */
export type IdCorreiosClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type IdCorreiosOptions = {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  clients: IdCorreiosClient[];
};

export type IdCorreios = { issuer: string; close: () => Promise<void> };

/**
 * The IdCorreios stand-in: a real, certified OpenID Provider (`oidc-provider`) with the demo
 * citizens as its accounts, and the package's own development login and consent pages. The ID
 * token carries the citizen's `cpf` and `name`; codes need PKCE.
 */
export async function startIdCorreios(options: IdCorreiosOptions): Promise<IdCorreios> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), use: 'sig', alg: 'RS256' };
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'email'], cpf: ['cpf'] },
    // The relying party reads who signed in from the ID token, not from the userinfo endpoint.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const citizen = findDemoCitizen(id);
      if (!citizen) {
        return undefined;
      }

      return {
        accountId: id,
        claims: async () => ({
          sub: citizen.cpf,
          cpf: citizen.cpf,
          name: citizen.name,
          email: citizen.email,
        }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());

  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
