/**
 * Who may comment, on the workspace settings page. There is no per-workspace switch: the roles say
 * it (commenters and up start threads and reply; admins delete anyone's comment), so a workspace
 * that wants someone silent makes them a viewer. Read from the shared policy, never restated.
 */
import { WORKSPACE_POLICY } from '@marginalia/shared';
import { roleLabel } from '../../../lib/format';

export function DiscussionSettingsSection() {
  return (
    <dl className="settings-summary" aria-label="Comment permissions">
      <dt>Start threads and reply</dt>
      <dd>{roleLabel(WORKSPACE_POLICY['comments.create'])}s and above</dd>
      <dt>Delete anyone’s comment</dt>
      <dd>{roleLabel(WORKSPACE_POLICY['comments.manage'])}s and owners</dd>
      <dt>Change who may comment</dt>
      <dd>Give people the Viewer role to let them read without commenting (Members page).</dd>
    </dl>
  );
}
