import { z } from 'zod';

/** A Core Web Vitals measurement from the `web-vitals` package. */
export const webVitalEventSchema = z.strictObject({
  type: z.literal('web-vital'),
  name: z.enum(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']),
  value: z.number().finite().min(0).max(600_000),
  rating: z.enum(['good', 'needs-improvement', 'poor']),
  page: z.string().max(200),
});

/** An uncaught error or unhandled rejection in the browser. */
export const clientErrorEventSchema = z.strictObject({
  type: z.literal('error'),
  message: z.string().max(1000),
  stack: z.string().max(4000).optional(),
  page: z.string().max(200),
});

export const telemetryEventSchema = z.discriminatedUnion('type', [
  webVitalEventSchema,
  clientErrorEventSchema,
]);

/** The browser batches events; a batch is small by design. */
export const telemetryBodySchema = z.strictObject({ events: z.array(telemetryEventSchema).min(1).max(20) });

export type TelemetryEvent = z.infer<typeof telemetryEventSchema>;
export type TelemetryBody = z.infer<typeof telemetryBodySchema>;
