/**
 * The REFI-QDA import route under a workspace (the .qdc codebook import), as a row of the
 * workspace route table (workspace-routes.ts): the access-matrix and isolation tests run it
 * against every caller. (The .qdpx import creates a workspace: refi-qda-import.int-spec.ts.)
 */
import { expect } from '@jest/globals';
import type { WorkspaceRoute } from './workspace-routes.js';

export const SMALL_QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Imported code" color="#46AA00" isCodable="true"><Description>From another tool</Description></Code>
  </Codes>
</CodeBook>`;

export const REFI_QDA_ROUTES: readonly WorkspaceRoute[] = [
  {
    method: 'POST',
    path: '/workspaces/:workspaceId/codebook/import/qdc',
    action: 'codebook.manage',
    minRole: 'admin',
    success: 200,
    blockedWhenArchived: true,
    upload: () => ({ field: 'file', filename: 'codebook.qdc', content: SMALL_QDC }),
    expectBody: (body) => expect(body).toMatchObject({ origin: 'ATLAS.ti Win 23.4.0', added: 1, merged: 0, skipped: [] }),
  },
];
