import { Controller, useFormContext } from 'react-hook-form';
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
  return (
    <Card title="Voice" description="How every post should sound. The AI follows these before anything else.">
      <div className="stack">
        <fieldset className="brand-tones">
          <legend className="field__label">Tone</legend>
          {TONE_AXES.map((axis) => (
            <Controller
              key={axis.key}
              control={control}
              name={`voice.tone.${axis.key}`}
              render={({ field }) => (
                <div className="brand-tone">
                  <ToneSlider
                    from={axis.from}
                    to={axis.to}
                    value={field.value ?? 50}
                    disabled={disabled}
                    name={field.name}
                    onBlur={field.onBlur}
                    onChange={(event) => field.onChange(Number(event.target.value))}
                  />
                  <span className="brand-tone__reading muted">
                    {describeTone(axis.from, axis.to, field.value ?? 50)}
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
              label="Personality"
              hint="Up to 8 adjectives, such as warm, expert, witty. Press Enter after each."
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
                label="Words to use"
                hint="Phrases that sound like you."
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
                label="Words to avoid"
                hint="The AI never writes these; its drafts are checked for them."
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
