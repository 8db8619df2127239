/** The choices of the export filters, from the features that own them. */
import { tagPath, useTags } from '../../codebook';
import { useDocuments } from '../../documents';
import { useMaps } from '../../maps';
import { useMembers } from '../../members';
import type { FilterSources } from '../components/ExportFilters';

export function useFilterSources(workspaceId: string): FilterSources {
  const documents = useDocuments(workspaceId).data;
  const tags = useTags(workspaceId).data;
  const members = useMembers(workspaceId).data;
  const maps = useMaps(workspaceId, true).data;
  return {
    documents: documents?.map((document) => ({ id: document.id, label: document.title })),
    tags: tags?.map((tag) => ({ id: tag.id, label: tagPath(tags, tag.id) })).sort((a, b) => a.label.localeCompare(b.label)),
    analysts: members?.map((member) => ({ id: member.userId, label: member.displayName })),
    maps: maps?.map((map) => ({ id: map.id, label: map.title })),
  };
}
