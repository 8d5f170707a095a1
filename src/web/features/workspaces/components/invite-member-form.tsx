import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type AddMemberBody, addMemberBodySchema } from '#shared/business.schema.js';
import { can, ROLES, type Role } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { isMember, useInviteMember } from '../api/invite-member.js';
import './settings.css';

type FormValues = z.input<typeof addMemberBodySchema>;

/** Adds someone who has an account, or emails an invitation to an address without one. */
export function InviteMemberForm({ businessId, myRole }: { businessId: string; myRole: Role }) {
  const invite = useInviteMember(businessId);
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<FormValues, unknown, AddMemberBody>({
    resolver: zodResolver(addMemberBodySchema),
    defaultValues: { email: '', role: 'editor' },
  });
  const roles = ROLES.filter((role) => role !== 'owner' || can(myRole, 'owners.manage'));

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      const answer = await invite.mutateAsync(body);
      reset();
      toast(
        isMember(answer)
          ? t('invite.joined', { name: answer.name, role: t(`roles.${answer.role}.inSentence`) })
          : t('invite.sent', { email: answer.email }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        setError('email', { message: t('invite.alreadyMember') });
      } else {
        setFormError(applyServerErrors(error, ['email', 'role'], setError));
      }
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="inline-form">
        <TextField
          label={t('invite.email')}
          type="email"
          autoComplete="off"
          placeholder={t('invite.emailPlaceholder')}
          error={formState.errors.email?.message}
          {...register('email')}
        />
        <SelectField label={t('invite.role')} error={formState.errors.role?.message} {...register('role')}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}.label`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {t('invite.submit')}
        </Button>
      </div>
    </form>
  );
}
