import { useFieldArray, useFormContext } from 'react-hook-form';
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
  return (
    <Card
      title="Products"
      description="What you sell. Posts can name them, quote the price and link to them."
      actions={
        !disabled &&
        fields.length < MAX_PRODUCTS && (
          <Button size="sm" onClick={() => append({ name: '', description: '' })}>
            Add a product
          </Button>
        )
      }
    >
      {fields.length === 0 ? (
        <p className="muted">No product yet.</p>
      ) : (
        <ol className="brand-entries">
          {fields.map((field, index) => (
            <li key={field.id} className="brand-entry">
              <div className="brand-entry__header">
                <h3>Product {index + 1}</h3>
                {!disabled && (
                  <Button size="sm" variant="ghost" onClick={() => remove(index)}>
                    Remove product {index + 1}
                  </Button>
                )}
              </div>
              <div className="brand-grid">
                <TextField
                  label="Product name"
                  maxLength={60}
                  error={errors?.[index]?.name && 'Name the product (up to 60 characters)'}
                  {...register(`products.${index}.name`)}
                />
                <TextField
                  label="Price"
                  placeholder="€4.50"
                  maxLength={40}
                  error={errors?.[index]?.price?.message}
                  {...register(`products.${index}.price`, { setValueAs: emptyToUndefined })}
                />
              </div>
              <TextAreaField
                label="What it is"
                rows={2}
                maxLength={1000}
                error={errors?.[index]?.description?.message}
                {...register(`products.${index}.description`)}
              />
              <TextField
                label="Link"
                type="url"
                inputMode="url"
                placeholder="https://example.com/product"
                error={errors?.[index]?.url && 'Use an http(s) address'}
                {...register(`products.${index}.url`, { setValueAs: emptyToUndefined })}
              />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
