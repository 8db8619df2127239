import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { RefiQdaImportController } from './refi-qda-import.controller.js';
import { RefiQdaImportService } from './refi-qda-import.service.js';

/** REFI-QDA imports (.qdpx into a new workspace, .qdc into a codebook); the exports are formats in the registry. */
@Module({
  imports: [AuditModule],
  controllers: [RefiQdaImportController],
  providers: [RefiQdaImportService],
})
export class RefiQdaImportModule {}
