/**
 * The OpenID Connect client for the provider the instance settings name, read at request time.
 * Discovery is cached per (issuer, client id, secret): a settings change makes a new key, so the
 * next sign-in discovers again; a failed discovery is not cached. Plain-http issuers are allowed
 * on loopback addresses only (a provider on the same machine, as in tests).
 */
import { Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';

export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  allowedDomains: string[];
  createAccounts: boolean;
  adminClaim: string | null;
}

/** Discovered metadata is re-fetched after this long, so a provider's rotated endpoints are picked up. */
const DISCOVERY_TTL_MS = 60 * 60_000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

@Injectable()
export class OidcClientService {
  private readonly discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

  constructor(private readonly settings: InstanceSettingsService) {}

  /** The provider settings in force, or null when single sign-on is not configured. */
  async provider(): Promise<OidcProviderConfig | null> {
    const current = await this.settings.current();
    if (current.oidcIssuer === null || current.oidcClientId === null) return null;
    return {
      issuer: current.oidcIssuer,
      clientId: current.oidcClientId,
      clientSecret: current.oidcClientSecret,
      allowedDomains: current.oidcAllowedDomains,
      createAccounts: current.oidcCreateAccounts,
      adminClaim: current.oidcAdminClaim,
    };
  }

  async configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret]);
    const cached = this.discovered.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return await cached.configuration;
    // Only the newest configuration is worth keeping: older keys belong to settings no longer in force.
    this.discovered.clear();
    const configuration = this.discover(provider);
    this.discovered.set(key, { at: Date.now(), configuration });
    configuration.catch(() => this.discovered.delete(key));
    return await configuration;
  }

  private async discover(provider: OidcProviderConfig): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    const insecure = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
    // A confidential client authenticates with its secret (client_secret_basic, what Keycloak, Entra ID
    // and Google expect); without a secret it is a public client relying on PKCE alone.
    const authentication = provider.clientSecret === null ? client.None() : client.ClientSecretBasic(provider.clientSecret);
    return await client.discovery(issuer, provider.clientId, provider.clientSecret ?? undefined, authentication, {
      execute: insecure ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
  }
}
