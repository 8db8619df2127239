import { Module } from '@nestjs/common';
import { AnchorsModule } from '../anchors/anchors.module.js';
import { CodebookModule } from '../codebook/codebook.module.js';
import { AnnotationsController } from './annotations.controller.js';
import { AnnotationsService } from './annotations.service.js';
import { CodedSegmentsController } from './coded-segments.controller.js';
import { CodedSegmentsService } from './coded-segments.service.js';

/** Annotations (coding spans with tags), coded-segment retrieval and tag statistics. */
@Module({
  imports: [AnchorsModule, CodebookModule],
  controllers: [AnnotationsController, CodedSegmentsController],
  providers: [AnnotationsService, CodedSegmentsService],
})
export class AnnotationsModule {}
