import { loginBodySchema } from '#shared/auth.schema.js';
import { zodResolver } from '#web/lib/form-resolver.js';

// Apart from the form, so zod loads after the sign-in page has shown (see sign-in-form.tsx).
export const loginResolver = zodResolver(loginBodySchema);
