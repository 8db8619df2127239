/**
 * The operational surface: the committed migrations match the entities (generating a
 * migration yields nothing), the health check reflects the database, and the OpenAPI
 * document and UI are served.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pendingSchemaChanges } from '../src/database/schema-drift.js';
import { ApiClient } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createTestDatabase, withServer } from './test-database.js';

describe('schema drift', () => {
  it('finds nothing to generate on a freshly migrated database', async () => {
    const database = await createTestDatabase();
    try {
      expect(await pendingSchemaChanges(database.url)).toEqual({ up: [], down: [] });
    } finally {
      await database.drop();
    }
  });

  it('does notice when the database and the entities disagree', async () => {
    const database = await createTestDatabase();
    try {
      await withServer(database.url, (client) => client.query('DROP INDEX audit_entries_actor_id_idx'));
      const changes = await pendingSchemaChanges(database.url);
      expect(changes.up.map((statement) => statement.query)).toEqual([expect.stringContaining('CREATE INDEX "audit_entries_actor_id_idx"')]);
      expect(changes.down.map((statement) => statement.query)).toEqual([expect.stringContaining('DROP INDEX "public"."audit_entries_actor_id_idx"')]);
    } finally {
      await database.drop();
    }
  });
});

describe('health and API docs', () => {
  let app: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    app = await createTestApp();
    anonymous = new ApiClient(app.baseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports healthy without authentication', async () => {
    const health = await anonymous.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', api: 'ok', database: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
  });

  it('serves the OpenAPI document, with the workspace routes, their bodies and both ways to authenticate', async () => {
    const docs = await anonymous.get('/docs-json');
    expect(docs.status).toBe(200);
    const members = docs.body.paths['/api/workspaces/{workspaceId}/members'];
    expect(Object.keys(members).sort()).toEqual(['get', 'post']);
    const body = members.post.requestBody.content['application/json'].schema;
    expect(body.properties.role.enum).toEqual(['owner', 'admin', 'editor', 'commenter', 'viewer']);
    expect(body.required).toEqual(expect.arrayContaining(['email', 'role']));
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/tokens', '/api/invites/{token}', '/api/workspaces/{workspaceId}/audit', '/api/health']));
    expect(Object.keys(docs.body.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
  });

  it('serves the docs UI as HTML', async () => {
    const response = await fetch(`${app.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/swagger/i);
  });

  it('sends the security headers and hides the framework', async () => {
    const response = await anonymous.get('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('health without a database', () => {
  it('answers 503 degraded once the database is gone', async () => {
    const app = await createTestApp();
    try {
      await app.database.drop();
      const health = await new ApiClient(app.baseUrl).get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', api: 'ok', database: 'unreachable' });
    } finally {
      await app.close();
    }
  });
});
