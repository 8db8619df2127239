import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** Full-text search over passages (the search vector and its GIN index belong to the corpus schema). */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
