/**
 * Bulk invite: paste a list of emails (one per line, or separated by commas), each optionally
 * followed by a role. Lines are checked as you type with the same parser the API uses; on
 * submit every valid line is invited and every other one reported with its reason (per line,
 * not all-or-nothing: one typo does not hold up the rest).
 */
import { BULK_INVITE_MAX_LINES, parseBulkInvite, type BulkInviteResult, type WorkspaceRole } from '@marginalia/shared';
import { useMemo, useState, type SubmitEvent } from 'react';
import { roleLabel } from '../../../lib/format';
import { useInstanceSettings } from '../../../lib/instance-settings';
import { Alert, Badge, Button, CopyField, FormError, SelectField, TextAreaField } from '../../../ui';
import { useCurrentWorkspace } from '../../workspaces';
import { useBulkInvite } from '../hooks/useMembers';
import { assignableRoleOptions, isWorkspaceRole } from '../roles';

function BulkReport({ result }: { result: BulkInviteResult }) {
  return (
    <div className="stack">
      <Alert tone={result.skipped === 0 ? 'success' : 'warning'} title={`${String(result.invited)} invited, ${String(result.skipped)} skipped`}>
        <p>{result.emailed ? 'Each invited person was emailed a link.' : 'Email is not configured: send each person their link below.'}</p>
      </Alert>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">What happened to each line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Email</th>
              <th scope="col">Result</th>
              <th scope="col">Link or reason</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line) => (
              <tr key={line.line}>
                <td>{line.line}</td>
                <th scope="row" className="table__primary table__email">
                  {line.email ?? line.input}
                </th>
                <td>{line.status === 'invited' ? <Badge tone="success">Invited as {roleLabel(line.role ?? 'viewer')}</Badge> : <Badge tone="warning">Skipped</Badge>}</td>
                <td>{line.inviteUrl ? <CopyField label={`Invite link for ${line.email ?? ''}`} value={line.inviteUrl} copyLabel="Copy" /> : line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function BulkInviteForm() {
  const workspace = useCurrentWorkspace();
  const bulkMutation = useBulkInvite(workspace.id);
  const emailOn = useInstanceSettings().data?.email === true;
  const [text, setText] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('viewer');
  const entries = useMemo(() => parseBulkInvite(text, role), [text, role]);
  const problems = entries.filter((entry) => entry.error !== null);
  const tooMany = entries.length > BULK_INVITE_MAX_LINES;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (entries.length === 0 || tooMany) return;
    bulkMutation.mutate({ text, role }, { onSuccess: () => setText('') });
  }

  const hint = `One email per line (or separated by commas), optionally followed by a role: "ada@example.org editor". At most ${String(BULK_INVITE_MAX_LINES)}. ${
    emailOn ? 'Each person is emailed their invitation.' : 'Email is not configured, so you will get a link to send to each person.'
  }`;

  return (
    <div className="stack">
      <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Invite several people">
        <TextAreaField
          label="People to invite"
          name="bulk"
          rows={5}
          value={text}
          hint={hint}
          error={tooMany ? `That is ${String(entries.length)} people; at most ${String(BULK_INVITE_MAX_LINES)} at once.` : undefined}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <SelectField
          label="Role for lines without one"
          name="bulkRole"
          options={assignableRoleOptions(workspace.myRole)}
          value={role}
          onChange={(event) => {
            if (isWorkspaceRole(event.target.value)) setRole(event.target.value);
          }}
        />
        {problems.length > 0 && (
          <Alert tone="warning" title={`${String(problems.length)} of ${String(entries.length)} lines will be skipped`}>
            <ul>
              {problems.slice(0, 10).map((entry) => (
                <li key={entry.line}>
                  Line {entry.line} ({entry.input}): {entry.error}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <div>
          <Button type="submit" variant="primary" busy={bulkMutation.isPending} disabled={entries.length === 0 || tooMany}>
            {entries.length - problems.length > 0 ? `Invite ${String(entries.length - problems.length)} people` : 'Invite people'}
          </Button>
        </div>
      </form>
      <FormError error={bulkMutation.error} />
      <div aria-live="polite">{bulkMutation.data && <BulkReport result={bulkMutation.data} />}</div>
    </div>
  );
}
