import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  type Campaign,
  type CreateCampaignBody,
  createCampaignBodySchema,
  kpiSchema,
} from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { toMajorInput, toMinor } from './campaign-format.js';

const shape = createCampaignBodySchema.shape;

/**
 * The campaign form, its messages in the reader's language: the shared create schema's fields, except the
 * budget, which people type in major units with the workspace's separators ("1,500.50", "1 500,50") and
 * the API takes in minor units.
 */
export function campaignFormSchema(t: TFunction<'campaigns'>) {
  return z
    .object({
      name: shape.name,
      objective: shape.objective,
      channels: shape.channels,
      budget: z
        .string()
        .trim()
        .refine((value) => value === '' || toMinor(value, 'USD') !== undefined, {
          message: t('form.budgetError'),
        }),
      currency: z.string().regex(/^[A-Z]{3}$/, { message: t('form.currencyError') }),
      start_date: z.iso.date({ message: t('form.startDateError') }),
      end_date: z.iso.date({ message: t('form.endDateError') }),
      kpis: z.array(
        z.object({
          metric: kpiSchema.shape.metric,
          target: z
            .number({ message: t('form.kpiTargetError') })
            .finite()
            .min(0)
            .max(1e12),
        }),
      ),
    })
    .refine((values) => values.end_date >= values.start_date, {
      message: t('form.endBeforeStart'),
      path: ['end_date'],
    });
}

type CampaignFormSchema = ReturnType<typeof campaignFormSchema>;
export type CampaignFormInput = z.input<CampaignFormSchema>;
export type CampaignFormValues = z.output<CampaignFormSchema>;

/** The request body the form's values stand for. */
export function toCampaignBody(values: CampaignFormValues): Omit<CreateCampaignBody, 'business_id'> {
  return {
    name: values.name,
    objective: values.objective,
    channels: values.channels,
    budget_minor: values.budget === '' ? 0 : (toMinor(values.budget, values.currency) ?? 0),
    currency: values.currency,
    start_date: values.start_date,
    end_date: values.end_date,
    kpis: values.kpis,
  };
}

/** What a new campaign starts with in its workspace: its currency and the brand's channels. */
export interface NewCampaignDefaults {
  currency: string;
  channels: ChannelId[];
}

/**
 * Form values for an existing campaign, or a new one starting today for four weeks, in the workspace's
 * currency.
 */
export function campaignFormDefaults(
  campaign: Campaign | undefined,
  today: string,
  defaults: NewCampaignDefaults = { currency: 'USD', channels: [] },
): CampaignFormInput {
  if (!campaign) {
    const end = new Date(`${today}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 27);
    return {
      name: '',
      objective: 'awareness',
      channels: defaults.channels,
      budget: '',
      currency: defaults.currency,
      start_date: today,
      end_date: end.toISOString().slice(0, 10),
      kpis: [],
    };
  }
  return {
    name: campaign.name,
    objective: campaign.objective,
    channels: campaign.channels,
    budget: campaign.budget_minor === 0 ? '' : toMajorInput(campaign.budget_minor, campaign.currency),
    currency: campaign.currency,
    start_date: campaign.start_date,
    end_date: campaign.end_date,
    kpis: campaign.kpis,
  };
}
