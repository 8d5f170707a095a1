import { type LoginBody, loginBodySchema } from '#shared/auth.schema.js';
import { loadFieldMessages, translateFieldMessage } from '#web/lib/field-messages.js';

// Apart from the form, so zod loads after the sign-in page has shown (see sign-in-form.tsx).

/** The sign-in form's two fields. */
export type LoginField = 'email' | 'password';

/** The body to send, or each field's first problem in the interface's language. */
export type LoginCheck =
  | { ok: true; body: LoginBody }
  | { ok: false; errors: Partial<Record<LoginField, string>> };

/** Checks what the person typed against the shared schema the server checks it with. */
export async function checkLogin(values: Record<LoginField, string>): Promise<LoginCheck> {
  const parsed = loginBodySchema.safeParse(values);
  if (parsed.success) return { ok: true, body: parsed.data };
  await loadFieldMessages();
  const errors: Partial<Record<LoginField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) {
      errors[field] = translateFieldMessage(issue.message);
    }
  }
  return { ok: false, errors };
}
