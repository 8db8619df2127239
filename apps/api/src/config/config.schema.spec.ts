import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.schema.js';

describe('loadConfig', () => {
  it('fills in defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 3000,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
      SEED_DEMO: true,
      TRUST_PROXY: false,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 10,
      LOGIN_MAX_FAILURES_PER_IP: 50,
      LOGIN_THROTTLE_WINDOW_MINUTES: 15,
      PASSWORD_HASH_CONCURRENCY: 4,
      PASSWORD_HASH_QUEUE: 64,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    // Instance settings left to the admin (and their defaults) when the environment says nothing.
    expect(config.instanceSettings).toEqual({});
  });

  it('reads instance settings set by the environment, which then win over saved ones', () => {
    const config = loadConfig({ REGISTRATION: 'invite-only', SESSION_IDLE_TIMEOUT_MINUTES: '30', PASSWORD_SIGN_IN: 'no', OIDC_ALLOWED_DOMAINS: 'uni.example, Lab.Example ', SMTP_URL: 'smtp://mail:2525' });
    expect(config.instanceSettings).toEqual({
      registration: 'invite-only',
      sessionIdleTimeoutMinutes: 30,
      passwordSignIn: false,
      oidcAllowedDomains: ['uni.example', 'lab.example'],
      smtpUrl: 'smtp://mail:2525',
    });
  });

  it('parses numbers, booleans and URLs from their string form', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'yes', SEED_DEMO: '0', COOKIE_SECURE: 'true', DATABASE_URL: 'postgresql://app@db:5432/marginalia', REDIS_URL: 'rediss://cache:6380' });
    expect(config).toMatchObject({ PORT: 8080, TRUST_PROXY: true, SEED_DEMO: false, COOKIE_SECURE: true, DATABASE_URL: 'postgresql://app@db:5432/marginalia', REDIS_URL: 'rediss://cache:6380' });
  });

  it('treats empty strings as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', PUBLIC_URL: '', ADMIN_EMAIL: '', TRUST_PROXY: '' });
    expect(config).toMatchObject({ PORT: 3000, TRUST_PROXY: false });
    expect([config.DATABASE_URL, config.PUBLIC_URL, config.ADMIN_EMAIL]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    { variable: 'PORT', value: 'abc' },
    { variable: 'PORT', value: '70000' },
    { variable: 'DATABASE_URL', value: 'mysql://x' },
    { variable: 'DATABASE_URL', value: 'not a url' },
    { variable: 'REDIS_URL', value: 'http://cache' },
    { variable: 'LOGIN_MAX_FAILURES_PER_ACCOUNT', value: '0' },
    { variable: 'SESSION_IDLE_TIMEOUT_MINUTES', value: '1.5' },
    { variable: 'TRUST_PROXY', value: 'maybe' },
    { variable: 'NODE_ENV', value: 'staging' },
    { variable: 'REGISTRATION', value: 'sometimes' },
    { variable: 'SMTP_URL', value: 'http://mail' },
    { variable: 'OIDC_ALLOWED_DOMAINS', value: 'not a domain' },
    { variable: 'PASSWORD_SIGN_IN', value: 'maybe' },
    { variable: 'ADMIN_EMAIL', value: 'root' },
  ])('refuses $variable=$value with an error naming the variable', ({ variable, value }) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration:\\n {2}${variable}: `));
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOGIN_MAX_FAILURES_PER_IP: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n').slice(1).map((line) => line.trim().split(':')[0]);
    expect(lines.sort()).toEqual(['DATABASE_URL', 'LOGIN_MAX_FAILURES_PER_IP', 'PORT']);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });
});
