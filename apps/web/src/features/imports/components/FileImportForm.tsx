/**
 * Files to import: dropped on the zone or chosen with the picker, listed with what the browser
 * can already tell about them, then uploaded in one batch with a progress bar. Doubtful files
 * are still sent: the server decides, and its job report says why it refused one.
 */
import { useState, type DragEvent, type SubmitEvent } from 'react';
import { formatBytes, formatCount } from '../../../lib/format';
import { Button, FormError, cx } from '../../../ui';
import { useUploadFiles } from '../hooks/useImports';
import { ACCEPTED_EXTENSIONS, LIMITS_SUMMARY, batchProblem, fileProblem, mergeFiles } from '../file-checks';

export function FileImportForm({ workspaceId }: { workspaceId: string }) {
  const upload = useUploadFiles(workspaceId);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const problem = batchProblem(files);

  function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    upload.reset();
    setFiles((current) => mergeFiles(current, Array.from(list)));
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (files.length === 0 || problem !== null) return;
    upload.mutate(files, {
      onSuccess: () => {
        setFiles([]);
      },
    });
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label="Import files">
      <div
        className={cx('dropzone', dragging && 'dropzone--active')}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={handleDrop}
      >
        <p className="dropzone__title">Drop files here</p>
        <p className="muted">or</p>
        <label className="btn btn--secondary file-picker">
          Choose files…
          <input
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS.join(',')}
            className="visually-hidden"
            aria-describedby="import-limits"
            onChange={(event) => {
              addFiles(event.target.files);
              // The same file can be chosen again after being removed from the list.
              event.target.value = '';
            }}
          />
        </label>
        <ul className="dropzone__limits muted" id="import-limits">
          {LIMITS_SUMMARY.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>

      {files.length > 0 && (
        <ul className="file-list" aria-label="Files to import">
          {files.map((file) => {
            const fileIssue = fileProblem(file);
            return (
              <li key={`${file.name}:${String(file.size)}`} className="file-list__item">
                <span className="file-list__name">{file.name}</span>
                <span className="muted">{formatBytes(file.size)}</span>
                {fileIssue !== null && <span className="file-list__problem">{fileIssue} The server will probably reject it.</span>}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${file.name}`}
                  disabled={upload.isPending}
                  onClick={() => {
                    setFiles((current) => current.filter((other) => other !== file));
                  }}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}

      {problem !== null && <p className="field__error">{problem}</p>}
      <div role="status" aria-live="polite">
        {upload.progress !== null && (
          <div className="upload-progress">
            <label htmlFor="upload-progress">Uploading {Math.round(upload.progress * 100)}%</label>
            <progress id="upload-progress" max={1} value={upload.progress} />
          </div>
        )}
      </div>
      <FormError error={upload.error} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={upload.isPending} disabled={files.length === 0 || problem !== null}>
          {files.length > 1 ? `Import ${formatCount(files.length, 'file')}` : 'Import'}
        </Button>
        {files.length > 0 && (
          <Button
            variant="ghost"
            disabled={upload.isPending}
            onClick={() => {
              setFiles([]);
            }}
          >
            Clear list
          </Button>
        )}
      </div>
    </form>
  );
}
