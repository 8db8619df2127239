import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Notebook } from '@marginalia/shared';
import { Member, WorkspaceAccess, type WorkspaceMember } from '../workspaces/workspace-access.js';
import { CollabDocuments } from './collab-documents.service.js';

@ApiTags('collaboration')
@Controller('workspaces/:workspaceId/notebook')
export class NotebookController {
  constructor(private readonly documents: CollabDocuments) {}

  @Get()
  @WorkspaceAccess('content.read')
  @ApiOperation({ summary: "The workspace's shared notebook: the Yjs document name to join on the /collab socket (editors and up may change it)" })
  @ApiOkResponse({ schema: { type: 'object', properties: { docName: { type: 'string' } }, required: ['docName'] } })
  async get(@Member() member: WorkspaceMember): Promise<Notebook> {
    return { docName: await this.documents.notebookOf(member.workspaceId) };
  }
}
