import * as client from 'openid-client';
import type { OidcConfig } from '../../config/config';
import { DomainError } from '../../core/domain-error';
import { toWellFormedText } from '../../core/text/well-formed-text';

/** The parameters of one authorization request, kept (sealed) in a cookie until the callback. */
export interface OidcRequestState {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcClient {
  /** A fresh authorization request: the URL to send the browser to, and what to remember. */
  startAuthorization(redirectUri: string): Promise<{ url: URL; remember: OidcRequestState }>;
  /** Exchanges the code on the callback URL and returns the verified ID token claims. */
  finishAuthorization(
    callbackUrl: URL,
    remembered: OidcRequestState,
  ): Promise<{ subject: string; email: string | undefined; emailVerified: boolean; name: string | undefined }>;
}

/**
 * Authorization code flow with PKCE and nonce (openid-client). Discovery happens on first use
 * and is cached; plain http is accepted only for a loopback issuer (test providers).
 */
export function createOidcClient(config: OidcConfig): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const loopback = config.issuer.protocol === 'http:';
  const discover = () => {
    configuration ??= client
      .discovery(
        config.issuer,
        config.clientId,
        config.clientSecret,
        undefined,
        loopback ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw new DomainError('UNAUTHENTICATED', `The identity provider is unreachable: ${(error as Error).message}`);
      });
    return configuration;
  };
  return {
    async startAuthorization(redirectUri) {
      const remember = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(await discover(), {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: remember.state,
        nonce: remember.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(remember.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, remember };
    },
    async finishAuthorization(callbackUrl, remembered) {
      const configuration = await discover();
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: remembered.codeVerifier,
        expectedState: remembered.state,
        expectedNonce: remembered.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new DomainError('UNAUTHENTICATED', 'The identity provider returned no ID token.');
      // Providers that follow the spec strictly put scope claims (email) only in UserInfo; its
      // `sub` is checked against the ID token's by openid-client.
      const claims: Record<string, unknown> =
        typeof idClaims['email'] === 'string'
          ? idClaims
          : { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), sub: idClaims.sub };
      // Claims are JSON from another system: text that cannot be stored exactly (lone surrogates)
      // is repaired here, at the edge, like every other input.
      const text = (value: unknown) => (typeof value === 'string' ? toWellFormedText(value) : undefined);
      return {
        subject: toWellFormedText(idClaims.sub),
        email: text(claims['email']),
        emailVerified: claims['email_verified'] === true,
        name: text(claims['name']),
      };
    },
  };
}
