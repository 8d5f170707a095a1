import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type FieldError, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import { CONTENT_FORMATS } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { ContentItem } from '#shared/content.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextAreaField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { useUpdateContentItem } from '#web/features/content/api/update-content-item.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { ChannelPreview, titleLabel } from './channel-preview.js';
import {
  changesOf,
  type EditorInput,
  type EditorValues,
  editorSchema,
  editorValues,
  scheduledAtOf,
  splitHashtags,
} from './editor-form-schema.js';
import { HistoryList } from './history-list.js';
import { RewriteButtons } from './rewrite-buttons.js';
import { WorkflowControls } from './workflow-controls.js';
import '../channel-colors.css';
import '../content.css';
import { ChannelOptions } from '#web/components/ui/channel-options.js';

const FIELDS = ['title', 'body', 'call_to_action', 'channel', 'format', 'hashtags'] as const;

/** A field's error: the server's words as they came, the form's own check in the reader's language. */
function ownError(error: FieldError | undefined, message: string): string | undefined {
  if (!error) return undefined;
  return error.type === 'server' ? error.message : message;
}

/**
 * Edits one item with a live per-network preview, its review workflow and its history. Edits are sent
 * with the version they started from; if someone else saved meanwhile, nothing is overwritten.
 */
export function ContentEditor({
  item,
  business,
  aside,
}: {
  item: ContentItem;
  business: Business;
  /** More cards for the side column, composed by the page (publishing status, from another feature). */
  aside?: ReactNode;
}) {
  const { t } = useTranslation('content');
  const timeZone = business.time_zone;
  const writable = can(business.role, 'content.write') && item.status !== 'published';
  const update = useUpdateContentItem(business.id);
  const toast = useToast();
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const baseVersion = useRef(item.version);
  const form = useForm<EditorInput, unknown, EditorValues>({
    resolver: zodResolver(editorSchema),
    mode: 'onTouched',
    defaultValues: editorValues(item, timeZone),
  });
  const { register, handleSubmit, setError, reset, setValue, control, formState } = form;
  const { errors, isDirty } = formState;
  // Title and body have defaults in the shared schema, so their form input type allows undefined.
  const [channel, title, body, hashtags, callToAction, scheduledLocal] = useWatch({
    control,
    name: ['channel', 'title', 'body', 'hashtags', 'call_to_action', 'scheduled_local'],
  });

  // A newer version (a review move, or someone else's edit) replaces the form unless I am mid-edit.
  useEffect(() => {
    if (item.version === baseVersion.current || isDirty) return;
    baseVersion.current = item.version;
    reset(editorValues(item, timeZone));
  }, [item, isDirty, reset, timeZone]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const saved = await update.mutateAsync({
        id: item.id,
        body: changesOf(values, formState.dirtyFields, baseVersion.current, timeZone),
      });
      baseVersion.current = saved.version;
      reset(editorValues(saved, timeZone));
      toast(saved.status !== item.status ? t('editor.savedBackToDraft') : t('editor.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') setConflict(true);
      else setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  const loadLatest = () => {
    setConflict(false);
    baseVersion.current = item.version;
    reset(editorValues(item, timeZone));
  };

  return (
    <div className="editor">
      <form className="editor__main stack" onSubmit={onSubmit} noValidate>
        <Card title={t('editor.content')}>
          <fieldset className="editor-fields" disabled={!writable}>
            <legend className="visually-hidden">{t('editor.content')}</legend>
            <div className="editor-grid">
              <SelectField label={t('editor.channel')} {...register('channel')}>
                <ChannelOptions />
              </SelectField>
              <SelectField label={t('editor.format')} {...register('format')}>
                {CONTENT_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {t(`format.${format}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField
              label={titleLabel(channel, t) ?? t('editor.title')}
              maxLength={200}
              hint={CHANNEL_RULES[channel].title ? undefined : t('editor.titleHint')}
              error={errors.title?.message}
              {...register('title')}
            />
            <TextAreaField
              label={t('editor.text')}
              rows={8}
              error={errors.body?.message}
              {...register('body')}
            />
            {writable && (
              <RewriteButtons
                businessId={business.id}
                channel={channel}
                text={body ?? ''}
                onRewrite={(text) => setValue('body', text, { shouldDirty: true, shouldValidate: true })}
              />
            )}
            <TextField
              label={t('editor.hashtags')}
              placeholder={t('editor.hashtagsPlaceholder')}
              error={ownError(errors.hashtags, t('editor.hashtagsInvalid'))}
              {...register('hashtags')}
            />
            <TextField
              label={t('editor.callToAction')}
              maxLength={200}
              error={errors.call_to_action?.message}
              {...register('call_to_action')}
            />
            <TextField
              label={t('editor.publishAt')}
              type="datetime-local"
              hint={t('editor.publishAtHint', { zone: timeZone.replaceAll('_', ' ') })}
              error={ownError(errors.scheduled_local, t('editor.publishAtInvalid'))}
              {...register('scheduled_local')}
            />
          </fieldset>
        </Card>
        {conflict && (
          <Banner
            tone="warning"
            title={t('editor.conflictTitle')}
            action={
              <Button size="sm" onClick={loadLatest}>
                {t('editor.loadTheirs')}
              </Button>
            }
          >
            {t('editor.conflictText')}
          </Banner>
        )}
        {formError && <Banner tone="danger">{formError}</Banner>}
        {writable && (
          <div className="row">
            <Button type="submit" variant="primary" loading={formState.isSubmitting} disabled={!isDirty}>
              {t('editor.save')}
            </Button>
            {isDirty && (
              <Button variant="ghost" onClick={() => reset(editorValues(item, timeZone))}>
                {t('editor.discard')}
              </Button>
            )}
          </div>
        )}
      </form>
      <aside className="editor__side stack" aria-label={t('editor.aside')}>
        <Card title={t('editor.preview')}>
          <ChannelPreview
            channel={channel}
            author={business.name}
            title={title ?? ''}
            body={body ?? ''}
            hashtags={splitHashtags(hashtags)}
            callToAction={callToAction}
            media={item.media}
          />
        </Card>
        <WorkflowControls
          item={item}
          role={business.role}
          dirty={isDirty}
          scheduledAt={scheduledLocal ? scheduledAtOf(scheduledLocal, timeZone) : null}
        />
        {aside}
        <HistoryList businessId={business.id} itemId={item.id} />
      </aside>
    </div>
  );
}
