import type { z } from 'zod';
import type { brandProfileSchema } from '#shared/brand.schema.js';

/** The brand form edits the shared brand profile as it is sent (defaults still optional). */
export type BrandFormValues = z.input<typeof brandProfileSchema>;
