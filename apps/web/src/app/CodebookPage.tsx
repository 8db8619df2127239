/**
 * /w/:id/codebook, composed from the tagging features: the shared codebook, everything coded with each tag, tag statistics, and the
 * comparison of analysts. The view is in the address (`?view=`) so it can be linked.
 */
import { useSearchParams } from 'react-router';
import { CodebookEditor, CodingSettingsPanel, useCodingSettings, useTags, useUpdateCodingSettings } from '../features/codebook';
import { ComparisonPanel } from '../features/comparison';
import { CommentOnButton } from '../features/discussion';
import { RetrievalPanel, TagOverview } from '../features/retrieval';
import { useCurrentWorkspace, useWorkspacePermission } from '../features/workspaces';
import { useDocumentTitle } from '../lib/use-document-title';
import { ErrorState, LoadingState, PageHeader, Tabs } from '../ui';

const VIEWS = ['tags', 'segments', 'overview', 'compare'] as const;
type View = (typeof VIEWS)[number];

export function CodebookPage() {
  useDocumentTitle('Codebook');
  const workspace = useCurrentWorkspace();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('view') as View | null;
  const view: View = requested !== null && VIEWS.includes(requested) ? requested : 'tags';
  const tags = useTags(workspace.id);
  const settings = useCodingSettings(workspace.id);
  const updateSettings = useUpdateCodingSettings(workspace.id);
  const canManage = useWorkspacePermission('codebook.manage');
  const canAnnotate = useWorkspacePermission('annotations.create');
  const canCreate = canManage || (canAnnotate && settings.data?.editorsCreateTags === true);

  function select(next: View) {
    setSearchParams((params) => {
      params.set('view', next);
      return params;
    });
  }

  if (tags.isPending) return <LoadingState label="Loading the codebook…" />;
  if (tags.error) return <ErrorState title="The codebook could not be loaded" error={tags.error} onRetry={() => void tags.refetch()} />;

  return (
    <div className="page">
      <PageHeader title="Codebook" description={<p>The tags your team applies to passages, what was coded with each, and where analysts differ.</p>} />
      {settings.data && <CodingSettingsPanel settings={settings.data} canManage={canManage} busy={updateSettings.isPending} onChange={(body) => updateSettings.mutate(body)} />}
      <Tabs
        label="Codebook views"
        selected={view}
        onSelect={select}
        items={[
          {
            key: 'tags',
            label: 'Tags',
            panel: view === 'tags' && (
              <CodebookEditor
                workspaceId={workspace.id}
                tags={tags.data}
                canManage={canManage}
                canCreate={canCreate}
                tagTools={(tag) => <CommentOnButton key={tag.id} workspaceId={workspace.id} anchor={{ kind: 'tag', tagId: tag.id }} subject={`tag “${tag.name}”`} />}
              />
            ),
          },
          { key: 'segments', label: 'Coded segments', panel: view === 'segments' && <RetrievalPanel workspaceId={workspace.id} tags={tags.data} /> },
          { key: 'overview', label: 'Frequencies', panel: view === 'overview' && <TagOverview workspaceId={workspace.id} tags={tags.data} /> },
          { key: 'compare', label: 'Compare analysts', panel: view === 'compare' && <ComparisonPanel workspaceId={workspace.id} tags={tags.data} canSettle={canAnnotate} /> },
        ]}
      />
    </div>
  );
}
