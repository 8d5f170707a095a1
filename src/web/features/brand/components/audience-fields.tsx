import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
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
  return (
    <Card
      title="Audiences"
      description="The people you write for. The AI picks words and examples that speak to them."
      actions={
        !disabled &&
        fields.length < MAX_AUDIENCES && (
          <Button size="sm" onClick={() => append({ name: '', description: '', pains: [], goals: [] })}>
            Add an audience
          </Button>
        )
      }
    >
      {fields.length === 0 ? (
        <p className="muted">No audience yet.</p>
      ) : (
        <ol className="brand-entries">
          {fields.map((field, index) => (
            <li key={field.id} className="brand-entry">
              <div className="brand-entry__header">
                <h3>Audience {index + 1}</h3>
                {!disabled && (
                  <Button size="sm" variant="ghost" onClick={() => remove(index)}>
                    Remove audience {index + 1}
                  </Button>
                )}
              </div>
              <TextField
                label="Name"
                placeholder="Busy parents"
                maxLength={60}
                error={errors?.[index]?.name && 'Name the audience (up to 60 characters)'}
                {...register(`audiences.${index}.name`)}
              />
              <TextAreaField
                label="Description"
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
                      label="Pains"
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
                      label="Goals"
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
