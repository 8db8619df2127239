import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { InstanceAuditEntryRecord } from './instance-audit-entry.entity.js';
import { InstanceAuditService } from './instance-audit.service.js';

/** Global: sign-ins, administration and settings everywhere write the instance log. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, InstanceAuditEntryRecord])],
  controllers: [AuditController],
  providers: [AuditService, InstanceAuditService],
  exports: [AuditService, InstanceAuditService],
})
export class AuditModule {}
