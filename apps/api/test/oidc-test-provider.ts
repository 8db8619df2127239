/**
 * A real OpenID Connect provider (panva's oidc-provider) in the test process, on a free port,
 * with one confidential client whose redirect URI is the test API's callback. People are
 * whatever the test puts in `people` (keyed by subject); consent is granted automatically (a
 * first-party client), and the login step is the provider's development form, which
 * `passProvider` fills in over plain HTTP.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, TestPerson>;
  close(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, TestPerson>();
  const clientId = 'marginalia-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  // The provider announces its development-only login form on the console; the test knows.
  const warn = console.warn;
  console.warn = () => undefined;
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...signingKey, kid: 'test-key', alg: 'RS256', use: 'sig' }] as never },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['test-cookie-signing-key'] },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ ...person }) };
    },
    // A first-party client: consent is given without asking.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return await ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  console.warn = warn;
  const handle = provider.callback();
  server.on('request', (request, response) => {
    void handle(request, response);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Cookies per origin, as a browser keeps them (enough for these two sites). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? [])].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }

  store(url: URL, setCookies: string[]): void {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = value === '' || attributes.some((attribute) => /^\s*(expires=Thu, 01 Jan 1970|max-age=0)/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

export interface Hop {
  url: URL;
  status: number;
  location: URL | null;
  body: string;
}

export async function browse(jar: CookieJar, url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
  jar.store(url, response.headers.getSetCookie());
  const location = response.headers.get('location');
  return { url, status: response.status, location: location ? new URL(location, url) : null, body: await response.text() };
}

export interface SignInOptions {
  /** Change the provider's answer before the browser takes it back to the app (e.g. another state). */
  tamperCallback?: (callback: URL) => URL;
  returnTo?: string;
  /** Cancel at the provider's login form instead of signing in. */
  cancel?: boolean;
}

/**
 * A browser's whole round trip: the app's start link, the provider's login form (filled in as
 * `login`), the redirect back to the app's callback. Returns where the app finally sends the
 * browser (its Location) and the jar, which then holds the app's session cookies.
 */
export async function passProvider(appBaseUrl: string, login: string, jar = new CookieJar(), options: SignInOptions = {}): Promise<{ landing: URL; jar: CookieJar }> {
  const start = new URL(`/api/auth/oidc/start${options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : ''}`, appBaseUrl);
  let hop = await browse(jar, start);
  const appOrigin = new URL(appBaseUrl).origin;
  for (let step = 0; step < 12; step += 1) {
    if (hop.status >= 300 && hop.status < 400 && hop.location) {
      let next = hop.location;
      if (next.origin === appOrigin && next.pathname === '/api/auth/oidc/callback' && options.tamperCallback) next = options.tamperCallback(next);
      // Back in the app and not at its callback: this is where the browser lands.
      if (next.origin === appOrigin && !next.pathname.startsWith('/api/')) return { landing: next, jar };
      hop = await browse(jar, next);
    } else if (hop.status === 200 && /name="prompt" value="login"/.test(hop.body) && options.cancel) {
      hop = await browse(jar, new URL(`${hop.url.pathname}/abort`, hop.url));
    } else if (hop.status === 200 && /name="prompt" value="login"/.test(hop.body)) {
      hop = await browse(jar, hop.url, { method: 'POST', form: { prompt: 'login', login, password: 'any password' } });
    } else {
      throw new Error(`unexpected answer ${hop.status} at ${hop.url.href}: ${hop.body.slice(0, 300)}`);
    }
  }
  throw new Error('too many redirects');
}
