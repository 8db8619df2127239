import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MapKind } from './map-kind.js';
import { MapsController } from './maps.controller.js';
import { MapsService } from './maps.service.js';

/** Argument maps: the list of maps, the 'map' document kind's server hooks, citations. */
@Module({
  imports: [AuditModule],
  controllers: [MapsController],
  providers: [MapsService, MapKind],
  exports: [MapsService],
})
export class MapsModule {}
