import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MediaItem } from '#shared/media.schema.js';
import {
  CARD_ASPECTS,
  CARD_KINDS,
  type CardKind,
  createCardBodySchema,
  GENERATED_IMAGE_ASPECTS,
  generateImageBodySchema,
} from '#shared/media-cards.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { SelectField, TextAreaField, TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useCreateCard, useGenerateImage } from '../api/make-images.js';
import { problemDetail } from './problem-detail.js';

type Mode = 'card' | 'generate';

interface MakeImageDialogProps {
  businessId: string;
  open: boolean;
  onClose: () => void;
  /** The new library item, once it is ready. */
  onMade: (item: MediaItem) => void;
}

/**
 * Make a picture without uploading one: a text card drawn in the brand's colours (always available, no
 * service needed), or an image from the workspace's image model when one is configured.
 */
export function MakeImageDialog({ businessId, open, onClose, onMade }: MakeImageDialogProps) {
  const [mode, setMode] = useState<Mode>('card');
  const { t } = useTranslation('media');
  const modes = [
    { value: 'card', label: t('make.card') },
    { value: 'generate', label: t('make.generate') },
  ] as const;
  return (
    <Dialog open={open} onClose={onClose} title={t('make.title')} description={t('make.description')}>
      <div className="stack">
        <SegmentedControl label={t('make.what')} options={modes} value={mode} onChange={setMode} />
        {mode === 'card' ? (
          <CardForm businessId={businessId} onMade={onMade} onCancel={onClose} />
        ) : (
          <GenerateForm businessId={businessId} onMade={onMade} onCancel={onClose} />
        )}
      </div>
    </Dialog>
  );
}

interface FormProps {
  businessId: string;
  onMade: (item: MediaItem) => void;
  onCancel: () => void;
}

type CardValues = z.input<typeof createCardBodySchema>;

function CardForm({ businessId, onMade, onCancel }: FormProps) {
  const create = useCreateCard(businessId);
  const { t } = useTranslation('media');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, watch, formState } = useForm<
    CardValues,
    unknown,
    z.output<typeof createCardBodySchema>
  >({
    resolver: zodResolver(createCardBodySchema),
    mode: 'onTouched',
    defaultValues: {
      kind: 'announcement',
      headline: '',
      body: '',
      footer: '',
      aspect: '1:1',
      show_business_name: true,
    },
  });
  // What each kind's three lines are for, in the words of that kind (make.kinds.<kind>).
  const kind: CardKind = watch('kind') ?? 'announcement';
  const submit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      onMade(await create.mutateAsync(body));
    } catch (error) {
      const fields = ['kind', 'headline', 'body', 'footer', 'aspect'] as const;
      // The server's own sentence when something is not a field's fault (the quota, the budget).
      if (applyServerErrors(error, fields, setError) !== undefined) setFormError(problemDetail(error));
    }
  });
  const { errors } = formState;

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('make.card')}>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <SelectField label={t('make.kind')} {...register('kind')}>
        {CARD_KINDS.map((option) => (
          <option key={option} value={option}>
            {t(`make.kinds.${option}.label`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t(`make.kinds.${kind}.headline`)}
        rows={2}
        error={errors.headline?.message}
        {...register('headline')}
      />
      <TextAreaField
        label={t(`make.kinds.${kind}.body`)}
        rows={2}
        error={errors.body?.message}
        {...register('body')}
      />
      <TextField
        label={t(`make.kinds.${kind}.footer`)}
        error={errors.footer?.message}
        {...register('footer')}
      />
      <SelectField label={t('make.shape')} error={errors.aspect?.message} {...register('aspect')}>
        {Object.entries(CARD_ASPECTS).map(([aspect, size]) => (
          <option key={aspect} value={aspect}>
            {aspect} ({size.width} × {size.height})
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t('make.printName')} {...register('show_business_name')} />
      <FormButtons pending={formState.isSubmitting} label={t('make.makeCard')} onCancel={onCancel} />
    </form>
  );
}

type GenerateValues = z.input<typeof generateImageBodySchema>;

/** Each generated shape's name, as a key of the `media` strings. */
const ASPECT_NAMES = {
  '1:1': 'make.square',
  '2:3': 'make.portrait',
  '3:2': 'make.landscape',
} as const satisfies Record<(typeof GENERATED_IMAGE_ASPECTS)[number], string>;

function GenerateForm({ businessId, onMade, onCancel }: FormProps) {
  const generate = useGenerateImage(businessId);
  const { t } = useTranslation('media');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<
    GenerateValues,
    unknown,
    z.output<typeof generateImageBodySchema>
  >({
    resolver: zodResolver(generateImageBodySchema),
    mode: 'onTouched',
    defaultValues: { prompt: '', aspect: '1:1' },
  });
  const submit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      onMade((await generate.mutateAsync(body)).item);
    } catch (error) {
      // The server's sentence says what to do instead (no image model here: make a text card).
      if (applyServerErrors(error, ['prompt', 'aspect'], setError) !== undefined)
        setFormError(problemDetail(error));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('make.generateForm')}>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextAreaField
        label={t('make.prompt')}
        hint={t('make.promptHint')}
        rows={4}
        error={formState.errors.prompt?.message}
        {...register('prompt')}
      />
      <SelectField label={t('make.shape')} error={formState.errors.aspect?.message} {...register('aspect')}>
        {GENERATED_IMAGE_ASPECTS.map((aspect) => (
          <option key={aspect} value={aspect}>
            {t(ASPECT_NAMES[aspect])}
          </option>
        ))}
      </SelectField>
      <FormButtons pending={formState.isSubmitting} label={t('make.generate')} onCancel={onCancel} />
    </form>
  );
}

function FormButtons({
  pending,
  label,
  onCancel,
}: {
  pending: boolean;
  label: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('media');
  return (
    <div className="media-make__actions">
      <Button onClick={onCancel}>{t('make.cancel')}</Button>
      <Button type="submit" variant="primary" loading={pending}>
        {label}
      </Button>
    </div>
  );
}
