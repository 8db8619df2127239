/**
 * Invitations to people who already have an account: the inviter's answer is the same as for
 * an unknown email (it does not reveal who is registered), nobody is added without saying
 * yes, and the person accepts or declines in the app. Nobody else can act on their invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, uniqueEmail } from './api-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { auditCount, createCastWorkspace, expectApiError, registerCast, roleIn, type Cast } from './fixtures.js';

describe('invitations to existing accounts', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'inv-');
  });
  afterAll(async () => {
    await app.close();
  });

  /** The parts of an answer that do not differ by nature between two invites (ids, secrets, times, emails). */
  function shapeOf(body: Record<string, unknown>): unknown {
    return JSON.parse(JSON.stringify(body), (key, value: unknown) => (['id', 'inviteUrl', 'inviteToken', 'createdAt', 'expiresAt', 'email'].includes(key) ? typeof value : value));
  }

  it('answers the same whether or not the email has an account', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const registered = await registerUser(app.baseUrl, 'registered');
    const withAccount = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: registered.email, role: 'editor' });
    const withoutAccount = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: uniqueEmail('nobody'), role: 'editor' });
    expect([withAccount.status, withoutAccount.status]).toEqual([201, 201]);
    expect(Object.keys(withAccount.body)).toEqual(Object.keys(withoutAccount.body));
    expect(shapeOf(withAccount.body)).toEqual(shapeOf(withoutAccount.body));
    expect(withAccount.body.kind).toBe('invite');
    expect(await roleIn(app.dataSource, workspaceId, registered.id)).toBeNull();
  });

  it('lets the person decline: they do not join, the invite and its link stop working, the admins see it gone', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const person = await registerUser(app.baseUrl, 'decliner');
    const added = await cast.admin.client.post(`/workspaces/${workspaceId}/members`, { email: person.email, role: 'viewer' });
    const inviteId = added.body.invite.id as string;
    const audits = await auditCount(app.dataSource, workspaceId);
    expect((await person.client.post(`/invitations/${inviteId}/decline`)).body).toEqual({ workspaceId });
    expect(await roleIn(app.dataSource, workspaceId, person.id)).toBeNull();
    expect((await person.client.get('/invitations')).body.invitations).toEqual([]);
    expect((await cast.admin.client.get(`/workspaces/${workspaceId}/invites`)).body.invites).toEqual([]);
    expectApiError(await person.client.post(`/invitations/${inviteId}/accept`), 410, 'this invite has been declined');
    expectApiError(await person.client.post(`/invites/${added.body.inviteToken as string}/accept`), 410, 'this invite has been declined');
    expect(await auditCount(app.dataSource, workspaceId)).toBe(audits + 1);
    // Asked again later, they can say yes.
    const again = await cast.admin.client.post(`/workspaces/${workspaceId}/members`, { email: person.email, role: 'viewer' });
    expect((await person.client.post(`/invitations/${again.body.invite.id as string}/accept`)).status).toBe(200);
    expect(await roleIn(app.dataSource, workspaceId, person.id)).toBe('viewer');
  });

  it('answers 404 to anyone but the invited person, changing nothing', async () => {
    const workspaceId = await createCastWorkspace(cast);
    const person = await registerUser(app.baseUrl, 'invitee');
    const added = await cast.owner.client.post(`/workspaces/${workspaceId}/members`, { email: person.email, role: 'editor' });
    const inviteId = added.body.invite.id as string;
    for (const other of [cast.outsider, cast.admin]) {
      expectApiError(await other.client.post(`/invitations/${inviteId}/accept`), 404, 'invitation not found');
      expectApiError(await other.client.post(`/invitations/${inviteId}/decline`), 404, 'invitation not found');
      expect((await other.client.get('/invitations')).body.invitations).toEqual([]);
    }
    expectApiError(await person.client.post('/invitations/not-a-uuid/accept'), 404, 'invitation not found');
    expect((await person.client.get('/invitations')).body.invitations).toEqual([expect.objectContaining({ id: inviteId, workspaceName: 'Interviews', role: 'editor', invitedBy: cast.owner.displayName })]);
  });
});
