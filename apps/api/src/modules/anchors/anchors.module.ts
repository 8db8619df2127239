import { Module } from '@nestjs/common';
import { AnchorResolver } from './anchor-resolver.service.js';

/** Anchor resolution, for every feature that points into documents. */
@Module({ providers: [AnchorResolver], exports: [AnchorResolver] })
export class AnchorsModule {}
