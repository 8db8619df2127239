/**
 * The demo workspace's starter map and discussion: seeded once even when several nodes start together, valid
 * by the map guard (an edit on top of it is accepted), its explanations tied to actors and passages, every demo analyst's ACH
 * ratings present, its citations projected, and openable live over the socket.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rateCell, readMap, type ArgumentMapList, type MapCitationList, type NotificationList, type ThreadList } from '@marginalia/shared';
import { ApiClient, type TestUser } from './api-client.js';
import { CollabSession } from './collab-session.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { loadDemoSeed, seedDemoWorkspace } from '../src/seed/demo-seed.js';

describe('demo map', () => {
  let app: TestApp;
  let workspaceId: string;
  let mei: ApiClient;
  let session: CollabSession;

  beforeAll(async () => {
    app = await createTestApp();
    const results = await Promise.all([seedDemoWorkspace(app.dataSource), seedDemoWorkspace(app.dataSource)]);
    workspaceId = results[0].workspaceId;
    const seed = await loadDemoSeed();
    mei = new ApiClient(app.baseUrl);
    expect((await mei.post('/auth/login', { email: 'mei@demo.marginalia.test', password: seed.password })).status).toBe(200);
    session = new CollabSession(app.baseUrl);
  });
  afterAll(async () => {
    session.close();
    await app.close();
  });

  it('is seeded once, with explanations held by actors, cited passages and three analysts\u2019 ratings', async () => {
    await seedDemoWorkspace(app.dataSource);
    const { body } = await mei.get<ArgumentMapList>(`/workspaces/${workspaceId}/maps`);
    expect(body.maps).toHaveLength(1);
    const [map] = body.maps;
    expect(map!.title).toMatch(/mobilising the public/);

    const me = (await mei.get<{ id: string }>('/auth/me')).body;
    const client = await session.client({ client: mei, id: me.id, email: 'mei@demo.marginalia.test' } as TestUser, map!.docName);
    const snapshot = readMap(client.doc);
    const explanations = snapshot.nodes.filter((node) => node.kind === 'explanation');
    expect(explanations.length).toBeGreaterThanOrEqual(7);
    expect(explanations.every((node) => Object.keys(node.actors).length > 0 && node.evidence.length > 0)).toBe(true);
    expect(new Set(snapshot.ratings.map((rating) => rating.userId)).size).toBe(3);
    expect(map!.nodeCount).toBe(snapshot.nodes.length);

    // Editable: the server's guard accepts an edit made on top of the seeded content.
    const evidence = snapshot.nodes.find((node) => node.kind === 'evidence')!;
    expect(await client.edit((doc) => rateCell(doc, me.id, explanations[0]!.id, evidence.id, 'NA'))).toEqual({ ok: true });

    const citations = await mei.get<MapCitationList>(`/workspaces/${workspaceId}/map-citations?mapId=${map!.id}`);
    expect(citations.body.citations.length).toBe(snapshot.nodes.reduce((sum, node) => sum + node.evidence.length, 0));
  });

  it('seeds threads on a tag disagreement, a map explanation and an ACH cell, with replies and mentions, one resolved', async () => {
    const { body } = await mei.get<ThreadList>(`/workspaces/${workspaceId}/threads`);
    expect(body.threads.map((thread) => thread.anchor.kind).sort()).toEqual(['ach-cell', 'map-node', 'text']);
    expect(body.threads.every((thread) => !thread.orphaned && thread.commentCount >= 2)).toBe(true);
    expect(body.threads.filter((thread) => thread.resolvedAt !== null).map((thread) => thread.anchor.kind)).toEqual(['text']);
    const inbox = await mei.get<NotificationList>('/notifications');
    expect(inbox.body.notifications.some((notification) => notification.kind === 'mention')).toBe(true);
    await seedDemoWorkspace(app.dataSource);
    expect((await mei.get<ThreadList>(`/workspaces/${workspaceId}/threads`)).body.threads).toHaveLength(3);
  });
});
