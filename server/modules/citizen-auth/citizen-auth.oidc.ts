import * as oidc from 'openid-client';
import type { OidcConfig } from '@server/config.ts';

/** What a completed sign-in tells STER about the citizen, read from the validated ID token. */
export type SignedInCitizen = { subject: string; cpf: string; name: string | null };

/** The values that bind one browser's redirect to its callback. */
export type SignInChecks = { state: string; nonce: string; codeVerifier: string };

const SCOPE = 'openid profile cpf';

function isLoopback(issuer: string) {
  const { protocol, hostname } = new URL(issuer);

  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/**
 * The relying party's side of OpenID Connect, through `openid-client`: authorization code with
 * PKCE, state and nonce; the ID token is checked for issuer, audience, expiry, nonce and (with
 * non-repudiation checks on) its signature against the provider's published keys. The provider's
 * metadata is discovered once per configuration and kept: it is configuration, not state.
 */
export function createOidcRelyingParty(config: () => OidcConfig | null) {
  const discovered = new Map<string, Promise<oidc.Configuration>>();

  function settings(): OidcConfig | null {
    return config();
  }

  function configurationOf(settings: OidcConfig): Promise<oidc.Configuration> {
    const key = `${settings.issuer} ${settings.clientId}`;
    let found = discovered.get(key);
    if (!found) {
      // Plain http is accepted only for a provider on this machine (the demo stand-in).
      const execute = isLoopback(settings.issuer)
        ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests]
        : [oidc.enableNonRepudiationChecks];
      found = oidc.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri], id_token_signed_response_alg: 'RS256' },
        oidc.ClientSecretBasic(settings.clientSecret),
        { execute, timeout: 10 },
      );
      // A provider that was down must be asked again on the next sign-in.
      found.catch(() => discovered.delete(key));
      discovered.set(key, found);
    }

    return found;
  }

  return {
    settings,

    /** The provider's authorization URL for a new sign-in, and the checks to keep until the callback. */
    async begin(settings: OidcConfig): Promise<{ url: string; checks: SignInChecks }> {
      const configuration = await configurationOf(settings);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier };
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUri,
        scope: SCOPE,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });

      return { url: url.href, checks };
    },

    /** Exchanges the code from the callback's query for tokens; throws on any failed check. */
    async finish(
      settings: OidcConfig,
      callbackQuery: string,
      checks: SignInChecks,
    ): Promise<SignedInCitizen> {
      const configuration = await configurationOf(settings);
      const url = new URL(settings.redirectUri);
      url.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(configuration, url, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) {
        throw new Error('the provider sent no ID token');
      }

      return {
        subject: claims.sub,
        cpf: typeof claims.cpf === 'string' ? claims.cpf : '',
        name: typeof claims.name === 'string' ? claims.name : null,
      };
    },
  };
}

export type OidcRelyingParty = ReturnType<typeof createOidcRelyingParty>;
