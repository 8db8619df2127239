import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ActorCandidatesController } from './actor-candidates.controller.js';
import { ActorCandidatesService } from './actor-candidates.service.js';
import { ActorsController } from './actors.controller.js';
import { ActorsService } from './actors.service.js';
import { AttributionsController } from './attributions.controller.js';
import { AttributionsService } from './attributions.service.js';

@Module({
  imports: [AuditModule],
  controllers: [ActorsController, ActorCandidatesController, AttributionsController],
  providers: [ActorsService, ActorCandidatesService, AttributionsService],
  exports: [ActorCandidatesService],
})
export class ActorsModule {}
