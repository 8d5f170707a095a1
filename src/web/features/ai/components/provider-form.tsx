import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  type AiProviderSettings,
  type PutAiProviderBody,
  putAiProviderBodySchema,
} from '#shared/ai.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { usePutAiProvider } from '../api/put-ai-provider.js';

// The key is write-only: an empty field keeps the stored key (the body omits `api_key`), "remove" sends null.
const providerFormSchema = z
  .object({ base_url: z.string(), model: z.string(), api_key: z.string(), remove_key: z.boolean() })
  .transform(
    ({ base_url, model, api_key, remove_key }): z.input<typeof putAiProviderBodySchema> => ({
      base_url: base_url.trim() === '' ? null : base_url.trim(),
      model,
      ...(remove_key ? { api_key: null } : api_key.trim() ? { api_key: api_key.trim() } : {}),
    }),
  )
  .pipe(putAiProviderBodySchema);

type FormValues = z.input<typeof providerFormSchema>;
const FIELDS = ['base_url', 'model', 'api_key'] as const;

function valuesOf(settings: AiProviderSettings): FormValues {
  const own = settings.source === 'workspace';
  return {
    base_url: own ? (settings.base_url ?? '') : '',
    model: own ? settings.model : '',
    api_key: '',
    remove_key: false,
  };
}

/** Connects the workspace to its own OpenAI-compatible endpoint: OpenAI, Azure, Ollama, LM Studio, vLLM… */
export function ProviderForm({ businessId, settings }: { businessId: string; settings: AiProviderSettings }) {
  const putProvider = usePutAiProvider(businessId);
  const toast = useToast();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<
    FormValues,
    unknown,
    PutAiProviderBody
  >({ resolver: zodResolver(providerFormSchema), mode: 'onTouched', defaultValues: valuesOf(settings) });
  const { errors } = formState;
  const hasKey = settings.source === 'workspace' && settings.api_key_last4 !== null;
  const removingKey = watch('remove_key');

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      reset(valuesOf(await putProvider.mutateAsync(body)));
      toast('AI provider saved');
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label="Base URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://api.openai.com/v1"
        hint={
          <>
            Empty means OpenAI. Any OpenAI-compatible server works, such as Ollama (
            <code>http://localhost:11434/v1</code>) or LM Studio (<code>http://localhost:1234/v1</code>);
            local addresses need the operator to allow them.
          </>
        }
        error={
          errors.base_url?.type === 'server'
            ? errors.base_url.message
            : errors.base_url && 'Enter a full URL starting with https:// (or http:// for a local server)'
        }
        {...register('base_url')}
      />
      <TextField
        label="Model"
        autoComplete="off"
        spellCheck={false}
        placeholder="gpt-4o-mini"
        hint="As the endpoint names it: gpt-4o-mini, llama3.1, qwen2.5…"
        error={
          errors.model?.type === 'server' ? errors.model.message : errors.model && 'Name the model to use'
        }
        {...register('model')}
      />
      <TextField
        label="API key"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        readOnly={removingKey}
        placeholder={hasKey ? `•••• ${settings.api_key_last4}` : 'sk-…'}
        hint={
          hasKey
            ? 'Write-only: stored encrypted and never shown again. Leave empty to keep the current key.'
            : 'Write-only: stored encrypted and never shown again. Local servers usually need none.'
        }
        error={errors.api_key?.message}
        {...register('api_key')}
      />
      {hasKey && <CheckboxField label="Remove the stored key" {...register('remove_key')} />}
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          loading={formState.isSubmitting}
          disabled={!formState.isDirty}
        >
          Save provider
        </Button>
      </div>
    </form>
  );
}
