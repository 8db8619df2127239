/** /api/admin/health (the Health page) and /api/admin/metrics (Prometheus text format). */
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AdminHealthSchema, type AdminHealth } from '@marginalia/shared';
import { ApiZodResponse } from '../../common/zod.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth } from '../auth/public.decorator.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';
import { InstanceHealthService } from './instance-health.service.js';
import { renderMetrics, type MetricFamily } from './prometheus.js';

@ApiTags('admin')
@Controller('admin')
@InstanceAdminOnly()
export class AdminHealthController {
  constructor(private readonly health: InstanceHealthService) {}

  @ApiZodResponse(AdminHealthSchema)
  @Get('health')
  async snapshot(@Auth() auth: AuthContext): Promise<AdminHealth> {
    return await this.health.snapshot(auth.user.id);
  }

  @ApiOperation({ summary: 'Prometheus metrics (text exposition format 0.0.4); scrape with an instance admin\'s personal token as Bearer' })
  @ApiProduces('text/plain')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Get('metrics')
  async metrics(@Auth() auth: AuthContext): Promise<string> {
    const [health, day, week, month] = await Promise.all([this.health.snapshot(auth.user.id), this.health.activeUsersWithin(1), this.health.activeUsersWithin(7), this.health.activeUsersWithin(30)]);
    return renderMetrics(toMetricFamilies(health, { '1d': day, '7d': week, '30d': month }));
  }
}

export function toMetricFamilies(health: AdminHealth, active: Record<string, number>): MetricFamily[] {
  const byStatus = (counts: Record<string, number>) => Object.entries(counts).map(([status, value]) => ({ labels: { status }, value }));
  return [
    { name: 'marginalia_database_size_bytes', help: 'Size of the Postgres database on disk.', type: 'gauge', samples: [{ value: health.databaseBytes }] },
    {
      name: 'marginalia_users',
      help: 'Accounts on the instance, by state.',
      type: 'gauge',
      samples: [
        { labels: { state: 'active' }, value: health.users.total - health.users.disabled },
        { labels: { state: 'disabled' }, value: health.users.disabled },
      ],
    },
    { name: 'marginalia_instance_admins', help: 'Accounts that are instance administrators.', type: 'gauge', samples: [{ value: health.users.admins }] },
    {
      name: 'marginalia_active_users',
      help: 'Distinct people who signed in or used a session within the window.',
      type: 'gauge',
      samples: Object.entries(active).map(([window, value]) => ({ labels: { window }, value })),
    },
    {
      name: 'marginalia_workspaces',
      help: 'Workspaces, by state (orphaned: no active owner).',
      type: 'gauge',
      samples: [
        { labels: { state: 'active' }, value: health.workspaces.total - health.workspaces.archived - health.workspaces.orphaned },
        { labels: { state: 'archived' }, value: health.workspaces.archived },
        { labels: { state: 'orphaned' }, value: health.workspaces.orphaned },
      ],
    },
    {
      name: 'marginalia_workspace_storage_bytes',
      help: 'Stored document text, pending uploads and collaborative documents per workspace.',
      type: 'gauge',
      samples: health.storageByWorkspace.map((workspace) => ({ labels: { workspace_id: workspace.id, workspace: workspace.name }, value: workspace.storageBytes })),
    },
    { name: 'marginalia_import_jobs', help: 'Import jobs by status.', type: 'gauge', samples: byStatus(health.importQueue) },
    { name: 'marginalia_export_jobs', help: 'Export jobs by status (empty while exports are not queued).', type: 'gauge', samples: byStatus(health.exportQueue) },
    { name: 'marginalia_collab_connections', help: 'Collaboration sockets connected to this API process.', type: 'gauge', samples: [{ value: health.collab.connections }] },
    { name: 'marginalia_collab_documents_in_memory', help: 'Collaborative documents this API process holds in memory.', type: 'gauge', samples: [{ value: health.collab.documentsInMemory }] },
  ];
}
