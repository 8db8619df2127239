/** Changes the tags and memo of one coded segment with the tag picker (one's own; admins: any). */
import type { CodedSegment } from '@marginalia/shared';
import { Dialog, useToast } from '../../../ui';
import { TagPicker, useUpdateAnnotation } from '../../annotations';

export function RetagDialog({ workspaceId, segment, onClose }: { workspaceId: string; segment: CodedSegment | null; onClose: () => void }) {
  const { showToast } = useToast();
  const update = useUpdateAnnotation(workspaceId);
  return (
    <Dialog open={segment !== null} onClose={onClose} title="Change tags" description={segment && <p>“{segment.exact}”</p>}>
      {segment && (
        <TagPicker
          initialTagIds={segment.tagIds}
          initialMemo={segment.memo}
          busy={update.isPending}
          error={update.error}
          onCancel={onClose}
          onSubmit={({ tagIds, memo }) =>
            update.mutate(
              { annotationId: segment.annotationId, body: { tagIds, memo } },
              {
                onSuccess: () => {
                  showToast('Tags changed.');
                  onClose();
                },
              },
            )
          }
        />
      )}
    </Dialog>
  );
}
