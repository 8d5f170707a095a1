import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { TextAreaField } from '#web/components/ui/field.js';
import type { BrandFormValues } from './brand-form-values.js';

const MAX_EXAMPLES = 5;

/** Up to five posts that sound right: the AI imitates their rhythm and vocabulary. */
export function ExamplePostsField({ disabled }: { disabled: boolean }) {
  const { control, formState } = useFormContext<BrandFormValues>();
  const { t } = useTranslation('brand');
  return (
    <Controller
      control={control}
      name="voice.example_posts"
      render={({ field }) => {
        const posts = field.value ?? [];
        const errors = formState.errors.voice?.example_posts;
        const setPost = (index: number, text: string) =>
          field.onChange(posts.map((post, other) => (other === index ? text : post)));
        return (
          <fieldset className="brand-list">
            <legend className="field__label">{t('examples.legend')}</legend>
            <p className="field__hint">{t('examples.hint', { max: MAX_EXAMPLES })}</p>
            {posts.map((post, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the posts are plain text without ids; edits keep their order.
              <div key={index} className="brand-list__item">
                <TextAreaField
                  label={t('examples.label', { number: index + 1 })}
                  rows={3}
                  maxLength={2200}
                  value={post}
                  disabled={disabled}
                  error={errors?.[index]?.message && t('examples.error')}
                  onChange={(event) => setPost(index, event.target.value)}
                  onBlur={field.onBlur}
                />
                {!disabled && (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => field.onChange(posts.filter((_, other) => other !== index))}
                  >
                    {t('examples.remove', { number: index + 1 })}
                  </Button>
                )}
              </div>
            ))}
            {!disabled && posts.length < MAX_EXAMPLES && (
              <div>
                <Button size="sm" onClick={() => field.onChange([...posts, ''])}>
                  {t('examples.add')}
                </Button>
              </div>
            )}
          </fieldset>
        );
      }}
    />
  );
}
