import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Card } from '#web/components/ui/card.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import type { BrandFormValues } from './brand-form-values.js';
import { TONE_AXES } from './brand-options.js';
import { ExamplePostsField } from './example-posts-field.js';
import { describeTone, ToneSlider } from './tone-slider.js';

/** How the brand sounds: tone sliders, personality, words to use and avoid, example posts. */
export function VoiceFields({ disabled }: { disabled: boolean }) {
  const { control, formState } = useFormContext<BrandFormValues>();
  const errors = formState.errors.voice;
  const { t } = useTranslation('brand');
  return (
    <Card title={t('voice.title')} description={t('voice.description')}>
      <div className="stack">
        <fieldset className="brand-tones">
          <legend className="field__label">{t('voice.tone')}</legend>
          {TONE_AXES.map((axis) => (
            <Controller
              key={axis.key}
              control={control}
              name={`voice.tone.${axis.key}`}
              render={({ field }) => (
                <div className="brand-tone">
                  <ToneSlider
                    from={t(`tone.${axis.from}`)}
                    to={t(`tone.${axis.to}`)}
                    value={field.value ?? 50}
                    disabled={disabled}
                    name={field.name}
                    onBlur={field.onBlur}
                    onChange={(event) => field.onChange(Number(event.target.value))}
                  />
                  <span className="brand-tone__reading muted">
                    {describeTone(t(`tone.${axis.from}`), t(`tone.${axis.to}`), field.value ?? 50, t)}
                  </span>
                </div>
              )}
            />
          ))}
        </fieldset>
        <Controller
          control={control}
          name="voice.personality"
          render={({ field }) => (
            <TagInput
              label={t('voice.personality')}
              hint={t('voice.personalityHint')}
              max={8}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              disabled={disabled}
              error={errors?.personality?.message}
            />
          )}
        />
        <div className="brand-grid">
          <Controller
            control={control}
            name="voice.words_to_use"
            render={({ field }) => (
              <TagInput
                label={t('voice.wordsToUse')}
                hint={t('voice.wordsToUseHint')}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                disabled={disabled}
                error={errors?.words_to_use?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="voice.words_to_avoid"
            render={({ field }) => (
              <TagInput
                label={t('voice.wordsToAvoid')}
                hint={t('voice.wordsToAvoidHint')}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                disabled={disabled}
                error={errors?.words_to_avoid?.message}
              />
            )}
          />
        </div>
        <ExamplePostsField disabled={disabled} />
      </div>
    </Card>
  );
}
