/** /api/admin/audit (JSON pages) and /api/admin/audit.csv (every matching entry, streamed). */
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AdminAuditPageSchema, AdminAuditQuerySchema, type AdminAuditPage, type AdminAuditQuery } from '@marginalia/shared';
import type { Response } from 'express';
import { ApiZodQuery, ApiZodResponse, ValidQuery } from '../../common/zod.js';
import { AdminAuditService } from './admin-audit.service.js';
import { csvRow } from './csv.js';
import { InstanceAdminOnly } from './instance-admin.guard.js';

export const AUDIT_CSV_COLUMNS = ['time', 'action', 'actor_email', 'actor_name', 'subject_type', 'subject_id', 'subject_label', 'ip', 'details'] as const;

@ApiTags('admin')
@Controller('admin')
@InstanceAdminOnly()
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @ApiOperation({ summary: 'The instance audit log, newest first, filtered by person, action and time; page with nextCursor' })
  @ApiZodResponse(AdminAuditPageSchema)
  @ApiZodQuery(AdminAuditQuerySchema)
  @Get('audit')
  async page(@ValidQuery(AdminAuditQuerySchema) query: AdminAuditQuery): Promise<AdminAuditPage> {
    return await this.audit.page(query);
  }

  @ApiOperation({ summary: 'The filtered instance audit log as CSV (streamed; cells that would be spreadsheet formulas are defused)' })
  @ApiProduces('text/csv')
  @ApiZodQuery(AdminAuditQuerySchema)
  @Get('audit.csv')
  async csv(@ValidQuery(AdminAuditQuerySchema) query: AdminAuditQuery, @Res() response: Response): Promise<void> {
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="marginalia-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    response.setHeader('cache-control', 'no-store');
    response.write(csvRow(AUDIT_CSV_COLUMNS));
    for await (const entry of this.audit.all({ person: query.person, action: query.action, from: query.from, to: query.to })) {
      const line = csvRow([entry.createdAt, entry.action, entry.actor?.email, entry.actor?.displayName, entry.subject?.type, entry.subject?.id, entry.subject?.label, entry.ip, entry.details]);
      // Respect back-pressure: a slow client does not make the whole log pile up in memory.
      if (!response.write(line)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }
}
