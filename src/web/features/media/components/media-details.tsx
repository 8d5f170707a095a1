import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALT_TEXT_MAX, type MediaItem } from '#shared/media.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { ConfirmDialog } from '#web/components/ui/confirm-dialog.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { useToast } from '#web/components/ui/toast.js';
import { useMediaObjectUrl } from '#web/lib/media-files.js';
import { formatBytes } from '#web/lib/workspace-format.js';
import { useDeleteMedia } from '../api/delete-media.js';
import { useSuggestAltText } from '../api/make-images.js';
import { useUpdateMedia } from '../api/update-media.js';
import { FocalPointPicker } from './focal-point-picker.js';
import { previewRendition } from './media-format.js';
import { problemDetail } from './problem-detail.js';

interface MediaDetailsProps {
  businessId: string;
  item: MediaItem;
  canEdit: boolean;
  onClose: () => void;
}

/**
 * One item of the library: the picture with its focal point, alt text, tags and name, and delete. Render
 * it with `key={item.id}` so another item starts from its own values.
 */
export function MediaDetails({ businessId, item, canEdit, onClose }: MediaDetailsProps) {
  const toast = useToast();
  const { t } = useTranslation('media');
  const update = useUpdateMedia(businessId);
  const remove = useDeleteMedia(businessId);
  const [name, setName] = useState(item.name);
  const [altText, setAltText] = useState(item.alt_text);
  const [tags, setTags] = useState<string[]>(item.tags);
  const [focal, setFocal] = useState(item.focal_point);
  const [confirming, setConfirming] = useState(false);
  const suggest = useSuggestAltText();
  const preview = useMediaObjectUrl(item.id, previewRendition(item), item.updated_at);
  const dirty =
    name !== item.name || altText !== item.alt_text || JSON.stringify(tags) !== JSON.stringify(item.tags);

  const save = () =>
    update.mutate(
      { id: item.id, body: { name, alt_text: altText, tags } },
      { onSuccess: () => toast(t('details.saved'), 'success') },
    );
  const moveFocus = (point: MediaItem['focal_point']) => {
    setFocal(point);
    update.mutate({ id: item.id, body: { focal_point: point } });
  };
  const confirmDelete = () =>
    remove.mutate(item.id, {
      onSuccess: () => {
        setConfirming(false);
        toast(t('details.deleted', { name: item.name }), 'success');
        onClose();
      },
    });

  return (
    <section className="media-details stack" aria-label={t('details.label', { name: item.name })}>
      <div className="media-details__header">
        <h2>{item.name}</h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('details.close')}
        </Button>
      </div>
      {item.kind === 'image' && previewRendition(item) ? (
        <FocalPointPicker
          src={preview.url}
          alt={item.alt_text}
          value={focal}
          onChange={moveFocus}
          disabled={!canEdit || update.isPending}
        />
      ) : (
        <p className="muted">
          {item.kind === 'video' ? t('details.videoNoPreview') : t('details.noPreview')}
        </p>
      )}
      <p className="muted">
        {item.width && item.height ? `${item.width} × ${item.height} · ` : ''}
        {formatBytes(item.size_bytes)}
        {item.video?.duration_seconds ? ` · ${Math.round(item.video.duration_seconds)} s` : ''}
      </p>
      {item.note && <Banner tone="warning">{item.note}</Banner>}
      <TextField
        label={t('details.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        disabled={!canEdit}
        maxLength={200}
      />
      <TextAreaField
        label={t('details.altText')}
        hint={t('details.altTextHint')}
        value={altText}
        onChange={(event) => setAltText(event.target.value)}
        maxLength={ALT_TEXT_MAX}
        rows={3}
        disabled={!canEdit}
      />
      {canEdit && item.kind === 'image' && (
        <div className="media-details__suggest stack">
          <div>
            <Button
              size="sm"
              loading={suggest.isPending}
              onClick={() =>
                suggest.mutate({ mediaId: item.id }, { onSuccess: (answer) => setAltText(answer.alt_text) })
              }
            >
              {t('details.suggest')}
            </Button>
          </div>
          {suggest.isSuccess && (
            <p className="muted" role="status">
              {suggest.data.offline
                ? t('details.suggestedOffline')
                : suggest.data.saw_image
                  ? t('details.suggestedSeen', { model: suggest.data.model })
                  : t('details.suggestedUnseen', { model: suggest.data.model })}{' '}
              {t('details.checkSuggestion')}
            </p>
          )}
          {suggest.isSuccess && suggest.data.warnings.length > 0 && (
            <Banner tone="warning">
              <ul>
                {suggest.data.warnings.map((warning) => (
                  <li key={`${warning.field}-${warning.code}`}>{warning.message}</li>
                ))}
              </ul>
            </Banner>
          )}
          {suggest.isError && <Banner tone="danger">{problemDetail(suggest.error)}</Banner>}
        </div>
      )}
      <TagInput
        label={t('details.tags')}
        value={tags}
        onChange={setTags}
        max={20}
        maxLength={40}
        disabled={!canEdit}
      />
      {update.isError && <Banner tone="danger">{problemDetail(update.error)}</Banner>}
      {canEdit && (
        <div className="media-details__actions">
          <Button variant="primary" onClick={save} disabled={!dirty} loading={update.isPending && dirty}>
            {t('details.save')}
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('details.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={confirmDelete}
        title={t('details.deleteTitle', { name: item.name })}
        description={t('details.deleteDescription')}
        confirmLabel={t('details.delete')}
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? problemDetail(remove.error) : undefined}
      />
    </section>
  );
}
