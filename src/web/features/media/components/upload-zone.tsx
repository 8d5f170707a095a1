import { type DragEvent, useId, useRef, useState } from 'react';
import { ACCEPTED_MEDIA_DESCRIPTION, ACCEPTED_MEDIA_TYPES } from '#shared/media.schema.js';
import { Button } from '#web/components/ui/button.js';
import type { Upload } from '../api/upload-media.js';

const ACCEPT = [...Object.keys(ACCEPTED_MEDIA_TYPES), '.heic', '.mov'].join(',');

interface UploadZoneProps {
  uploads: readonly Upload[];
  onFiles: (files: File[]) => void;
  onDismiss: (key: number) => void;
}

/**
 * Drop files here or pick them; each upload shows its progress, then its result. The server decides a
 * file's type from its bytes, so nothing is refused here: its answer says what is accepted.
 */
export function UploadZone({ uploads, onFiles, onDismiss }: UploadZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <section className="upload-zone stack" aria-label="Upload">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the Choose files button inside is the keyboard way to the same upload */}
      <div
        className={`upload-zone__target${over ? ' upload-zone__target--over' : ''}`}
        data-testid="upload-drop-target"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop images or videos here, or</p>
        <Button variant="primary" onClick={() => input.current?.click()} aria-describedby={hintId}>
          Choose files
        </Button>
        <p id={hintId} className="muted">
          {ACCEPTED_MEDIA_DESCRIPTION}
        </p>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label="Files to upload"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="upload-zone__list" aria-label="Uploads">
          {uploads.map((upload) => (
            <li key={upload.key} className="upload-zone__row">
              <span className="upload-zone__name">{upload.name}</span>
              {upload.state === 'uploading' && (
                <progress
                  max={1}
                  value={upload.progress}
                  aria-label={`Uploading ${upload.name}`}
                  aria-valuetext={`${Math.round(upload.progress * 100)}%`}
                />
              )}
              {upload.state === 'uploading' && upload.progress >= 1 && (
                <span className="muted">Preparing…</span>
              )}
              {upload.state === 'done' && <span className="upload-zone__done">Added</span>}
              {upload.state === 'failed' && (
                <span className="upload-zone__error" role="alert">
                  {upload.error}
                </span>
              )}
              {upload.state !== 'uploading' && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onDismiss(upload.key)}
                  aria-label={`Dismiss ${upload.name}`}
                >
                  Dismiss
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
