import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import type { BrandFormValues } from './brand-form-values.js';

const MAX_AUDIENCES = 5;

/** Who the business talks to: up to five personas with their pains and goals. */
export function AudienceFields({ disabled }: { disabled: boolean }) {
  const { control, register, formState } = useFormContext<BrandFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'audiences' });
  const errors = formState.errors.audiences;
  const { t } = useTranslation('brand');
  return (
    <Card
      title={t('audiences.title')}
      description={t('audiences.description')}
      actions={
        !disabled &&
        fields.length < MAX_AUDIENCES && (
          <Button size="sm" onClick={() => append({ name: '', description: '', pains: [], goals: [] })}>
            {t('audiences.add')}
          </Button>
        )
      }
    >
      {fields.length === 0 ? (
        <p className="muted">{t('audiences.none')}</p>
      ) : (
        <ol className="brand-entries">
          {fields.map((field, index) => (
            <li key={field.id} className="brand-entry">
              <div className="brand-entry__header">
                <h3>{t('audiences.heading', { number: index + 1 })}</h3>
                {!disabled && (
                  <Button size="sm" variant="ghost" onClick={() => remove(index)}>
                    {t('audiences.remove', { number: index + 1 })}
                  </Button>
                )}
              </div>
              <TextField
                label={t('audiences.name')}
                placeholder={t('audiences.namePlaceholder')}
                maxLength={60}
                error={errors?.[index]?.name && t('audiences.nameError')}
                {...register(`audiences.${index}.name`)}
              />
              <TextAreaField
                label={t('audiences.descriptionLabel')}
                rows={2}
                maxLength={1000}
                error={errors?.[index]?.description?.message}
                {...register(`audiences.${index}.description`)}
              />
              <div className="brand-grid">
                <Controller
                  control={control}
                  name={`audiences.${index}.pains`}
                  render={({ field: tags }) => (
                    <TagInput
                      label={t('audiences.pains')}
                      max={10}
                      value={tags.value ?? []}
                      onChange={tags.onChange}
                      disabled={disabled}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name={`audiences.${index}.goals`}
                  render={({ field: tags }) => (
                    <TagInput
                      label={t('audiences.goals')}
                      max={10}
                      value={tags.value ?? []}
                      onChange={tags.onChange}
                      disabled={disabled}
                    />
                  )}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
