import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_MEDIA_TYPES } from '#shared/media.schema.js';
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
  const { t } = useTranslation('media');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <section className="upload-zone stack" aria-label={t('upload.label')}>
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
        <p>{t('upload.drop')}</p>
        <Button variant="primary" onClick={() => input.current?.click()} aria-describedby={hintId}>
          {t('upload.choose')}
        </Button>
        {/* The shared ACCEPTED_MEDIA_DESCRIPTION, in the reader's language. */}
        <p id={hintId} className="muted">
          {t('upload.accepted')}
        </p>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label={t('upload.input')}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="upload-zone__list" aria-label={t('upload.list')}>
          {uploads.map((upload) => (
            <li key={upload.key} className="upload-zone__row">
              <span className="upload-zone__name">{upload.name}</span>
              {upload.state === 'uploading' && (
                <progress
                  max={1}
                  value={upload.progress}
                  aria-label={t('upload.uploading', { name: upload.name })}
                  aria-valuetext={`${Math.round(upload.progress * 100)}%`}
                />
              )}
              {upload.state === 'uploading' && upload.progress >= 1 && (
                <span className="muted">{t('upload.preparing')}</span>
              )}
              {upload.state === 'done' && <span className="upload-zone__done">{t('upload.added')}</span>}
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
                  aria-label={t('upload.dismissLabel', { name: upload.name })}
                >
                  {t('upload.dismiss')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
