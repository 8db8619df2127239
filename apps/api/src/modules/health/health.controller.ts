import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiZodResponse } from '../../common/zod.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthSchema, type Health } from '@marginalia/shared';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator.js';
import { APP_VERSION } from '../../version.js';

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @ApiZodResponse(HealthSchema)
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const database = await this.pingDatabase();
    if (database !== 'ok') response.status(503);
    return { status: database === 'ok' ? 'ok' : 'degraded', api: 'ok', database, version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) };
  }

  private async pingDatabase(): Promise<Health['database']> {
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }
}
