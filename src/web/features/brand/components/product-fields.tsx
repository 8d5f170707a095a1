import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import type { BrandFormValues } from './brand-form-values.js';

const MAX_PRODUCTS = 20;
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** What the business sells; posts mention these by name, price and link. */
export function ProductFields({ disabled }: { disabled: boolean }) {
  const { control, register, formState } = useFormContext<BrandFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'products' });
  const errors = formState.errors.products;
  const { t } = useTranslation('brand');
  return (
    <Card
      title={t('products.title')}
      description={t('products.description')}
      actions={
        !disabled &&
        fields.length < MAX_PRODUCTS && (
          <Button size="sm" onClick={() => append({ name: '', description: '' })}>
            {t('products.add')}
          </Button>
        )
      }
    >
      {fields.length === 0 ? (
        <p className="muted">{t('products.none')}</p>
      ) : (
        <ol className="brand-entries">
          {fields.map((field, index) => (
            <li key={field.id} className="brand-entry">
              <div className="brand-entry__header">
                <h3>{t('products.heading', { number: index + 1 })}</h3>
                {!disabled && (
                  <Button size="sm" variant="ghost" onClick={() => remove(index)}>
                    {t('products.remove', { number: index + 1 })}
                  </Button>
                )}
              </div>
              <div className="brand-grid">
                <TextField
                  label={t('products.name')}
                  maxLength={60}
                  error={errors?.[index]?.name && t('products.nameError')}
                  {...register(`products.${index}.name`)}
                />
                <TextField
                  label={t('products.price')}
                  placeholder={t('products.pricePlaceholder')}
                  maxLength={40}
                  error={errors?.[index]?.price?.message}
                  {...register(`products.${index}.price`, { setValueAs: emptyToUndefined })}
                />
              </div>
              <TextAreaField
                label={t('products.what')}
                rows={2}
                maxLength={1000}
                error={errors?.[index]?.description?.message}
                {...register(`products.${index}.description`)}
              />
              <TextField
                label={t('products.link')}
                type="url"
                inputMode="url"
                placeholder={t('products.linkPlaceholder')}
                error={errors?.[index]?.url && t('products.linkError')}
                {...register(`products.${index}.url`, { setValueAs: emptyToUndefined })}
              />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
