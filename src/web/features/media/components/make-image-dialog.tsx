import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
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

const MODES = [
  { value: 'card', label: 'Text card' },
  { value: 'generate', label: 'Generate' },
] as const;

/**
 * Make a picture without uploading one: a text card drawn in the brand's colours (always available, no
 * service needed), or an image from the workspace's image model when one is configured.
 */
export function MakeImageDialog({ businessId, open, onClose, onMade }: MakeImageDialogProps) {
  const [mode, setMode] = useState<Mode>('card');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Make an image"
      description="It is added to the library like an upload, ready to attach to posts."
    >
      <div className="stack">
        <SegmentedControl label="What to make" options={MODES} value={mode} onChange={setMode} />
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

/** What each kind's three lines are for, in the words of that kind. */
const CARD_WORDING: Record<CardKind, { label: string; headline: string; body: string; footer: string }> = {
  quote: { label: 'Quote', headline: 'The quote', body: 'Context (optional)', footer: 'Who said it' },
  offer: { label: 'Offer', headline: 'The offer', body: 'Terms (optional)', footer: 'Code or end date' },
  announcement: {
    label: 'Announcement',
    headline: 'The news',
    body: 'Details (optional)',
    footer: 'Small print (optional)',
  },
  event: { label: 'Event', headline: 'The event', body: 'Programme (optional)', footer: 'Date and place' },
};

type CardValues = z.input<typeof createCardBodySchema>;

function CardForm({ businessId, onMade, onCancel }: FormProps) {
  const create = useCreateCard(businessId);
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
  const wording = CARD_WORDING[watch('kind') ?? 'announcement'];
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
    <form className="stack" onSubmit={submit} noValidate aria-label="Text card">
      {formError && <Banner tone="danger">{formError}</Banner>}
      <SelectField label="Kind" {...register('kind')}>
        {CARD_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {CARD_WORDING[kind].label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={wording.headline}
        rows={2}
        error={errors.headline?.message}
        {...register('headline')}
      />
      <TextAreaField label={wording.body} rows={2} error={errors.body?.message} {...register('body')} />
      <TextField label={wording.footer} error={errors.footer?.message} {...register('footer')} />
      <SelectField label="Shape" error={errors.aspect?.message} {...register('aspect')}>
        {Object.entries(CARD_ASPECTS).map(([aspect, size]) => (
          <option key={aspect} value={aspect}>
            {aspect} ({size.width} × {size.height})
          </option>
        ))}
      </SelectField>
      <CheckboxField label="Print the workspace’s name" {...register('show_business_name')} />
      <FormButtons pending={formState.isSubmitting} label="Make the card" onCancel={onCancel} />
    </form>
  );
}

type GenerateValues = z.input<typeof generateImageBodySchema>;

function GenerateForm({ businessId, onMade, onCancel }: FormProps) {
  const generate = useGenerateImage(businessId);
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
    <form className="stack" onSubmit={submit} noValidate aria-label="Generate an image">
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextAreaField
        label="What the picture shows"
        hint="It also becomes the picture’s alt text; edit that afterwards if it reads oddly. The call is metered against the AI budget."
        rows={4}
        error={formState.errors.prompt?.message}
        {...register('prompt')}
      />
      <SelectField label="Shape" error={formState.errors.aspect?.message} {...register('aspect')}>
        {GENERATED_IMAGE_ASPECTS.map((aspect) => (
          <option key={aspect} value={aspect}>
            {aspect === '1:1' ? 'Square (1:1)' : aspect === '2:3' ? 'Portrait (2:3)' : 'Landscape (3:2)'}
          </option>
        ))}
      </SelectField>
      <FormButtons pending={formState.isSubmitting} label="Generate" onCancel={onCancel} />
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
  return (
    <div className="media-make__actions">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant="primary" loading={pending}>
        {label}
      </Button>
    </div>
  );
}
