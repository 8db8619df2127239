import { Module } from '@nestjs/common';
import { CodebookModule } from '../codebook/codebook.module.js';
import { AgreementController } from './agreement.controller.js';
import { AgreementService } from './agreement.service.js';

/** Analyst comparison (inter-coder agreement). */
@Module({ imports: [CodebookModule], controllers: [AgreementController], providers: [AgreementService] })
export class AgreementModule {}
