import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type GenerateCalendarBody, generateCalendarAcceptedSchema } from '#shared/calendar.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** The request as sent: defaults may be left out, the server fills them in. */
export type GenerateCalendarRequest = Omit<GenerateCalendarBody, 'cadence' | 'pillars' | 'objective'> &
  Partial<Pick<GenerateCalendarBody, 'cadence' | 'pillars' | 'objective'>>;

export function generateCalendar(body: GenerateCalendarRequest) {
  return apiRequest(API.generateCalendar, { method: 'POST', body, schema: generateCalendarAcceptedSchema });
}

/**
 * Asks the AI for a content calendar; answers at once with the job to follow. Send the same `request_key`
 * for the same submission (a double click, a retried request) and the server hands back the first job.
 *
 * @example
 * const { job_id } = await useGenerateCalendar().mutateAsync({ ...values, request_key: key });
 */
export function useGenerateCalendar() {
  return useMutation({ mutationFn: generateCalendar });
}
