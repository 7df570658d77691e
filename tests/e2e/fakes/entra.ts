// A fake Microsoft Entra ID for MSAL's authorization-code + PKCE flow, answered by Playwright
// routes (no network): authorize redirects back with a code, the token endpoint checks the PKCE
// verifier, the redirect URI and single use of the code, and returns unsigned tokens with the
// nonce MSAL sent. See shared/notes/msal.md for what MSAL 5 calls and checks.
import { createHash, randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT_ID = '0f8a3b9e-2c4d-4e6f-8a1b-3c5d7e9f1a2b';
export const USER = { oid: '6a2c7d3e-1b4f-4e8a-9c0d-5e6f7a8b9c01', username: 'dana.ops@contoso.com', name: 'Dana Ops' };
const LOGIN = 'https://login.microsoftonline.com';

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const jwt = (claims: object) => `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.`;

export class FakeEntra {
  /** Access tokens issued, in order. */
  readonly issued: string[] = [];
  /** Every request to the login host, as method and path. */
  readonly calls: string[] = [];
  /** Every credential handed out (access, refresh and id tokens): none may leak. */
  readonly secrets: string[] = [];
  /** The grant type of every token request, in order (authorization_code, refresh_token). */
  readonly grants: string[] = [];
  /** The next sign-in is refused, as Entra does when the user cancels (error=access_denied). */
  denyNext = false;
  private codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();

  async install(context: BrowserContext) {
    await context.route(`${LOGIN}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      this.calls.push(`${request.method()} ${url.pathname}`);
      if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
        const q = url.searchParams;
        if (this.denyNext) {
          this.denyNext = false;
          const why = encodeURIComponent('AADSTS65004: User declined to consent to access the app.');
          return route.fulfill({ status: 302, headers: { location: `${q.get('redirect_uri')}#error=access_denied&error_description=${why}&state=${encodeURIComponent(q.get('state')!)}` } });
        }
        const code = randomUUID();
        this.codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce')!, redirectUri: q.get('redirect_uri')! });
        const clientInfo = b64url(JSON.stringify({ uid: USER.oid, utid: TENANT }));
        const back = `${q.get('redirect_uri')}#code=${code}&client_info=${clientInfo}&state=${encodeURIComponent(q.get('state')!)}&session_state=${randomUUID()}`;
        return route.fulfill({ status: 302, headers: { location: back } });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/token')) {
        const form = new URLSearchParams(request.postData() ?? '');
        this.grants.push(form.get('grant_type') ?? '');
        if (form.get('grant_type') === 'authorization_code') {
          const grant = this.codes.get(form.get('code') ?? '');
          this.codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const ok = grant && grant.redirectUri === form.get('redirect_uri') &&
            b64url(createHash('sha256').update(verifier).digest()) === grant.challenge;
          if (!ok) return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid_grant' }) });
          return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(this.tokens(grant.nonce)) });
        }
        return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(this.tokens(undefined)) });
      }
      if (url.pathname.endsWith('/oauth2/v2.0/logout')) {
        const back = url.searchParams.get('post_logout_redirect_uri') ?? '/';
        return route.fulfill({ status: 302, headers: { location: back } });
      }
      return route.fulfill({ status: 404, body: 'not faked' });
    });
  }

  private tokens(nonce: string | undefined) {
    const now = Math.floor(Date.now() / 1000);
    const access = `fake-arm-token-${this.issued.length + 1}-${randomUUID()}`;
    this.issued.push(access);
    const id = jwt({
      aud: CLIENT_ID, iss: `${LOGIN}/${TENANT}/v2.0`, iat: now, nbf: now, exp: now + 3600,
      tid: TENANT, oid: USER.oid, sub: USER.oid, preferred_username: USER.username, name: USER.name, ...(nonce ? { nonce } : {}),
    });
    const refresh = `fake-refresh-${randomUUID()}`;
    this.secrets.push(access, refresh, id);
    return {
      token_type: 'Bearer',
      scope: 'https://management.azure.com/user_impersonation https://management.azure.com/.default',
      expires_in: 3599, ext_expires_in: 3599,
      access_token: access, refresh_token: refresh, id_token: id,
      client_info: b64url(JSON.stringify({ uid: USER.oid, utid: TENANT })),
    };
  }
}

/** The config.json a deployment for this tenant would serve. */
export function azureConfig(origin: string) {
  // testRetryBaseMs: our backoff starts at 20 ms instead of 800 (a Retry-After is still honoured
  // as sent), so the fault matrix does not wait on real backoff.
  return { clientId: CLIENT_ID, authority: `${LOGIN}/${TENANT}`, redirectUri: `${origin}/`, testRetryBaseMs: 20 };
}
