import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CorpusDocument } from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CorpusDocument])],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
