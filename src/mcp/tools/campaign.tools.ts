import { API } from '#shared/api-paths.js';
import {
  type Campaign,
  campaignListQuerySchema,
  campaignPageSchema,
  campaignParamsSchema,
  campaignSchema,
} from '#shared/campaign.schema.js';
import { count, money, nextPageLine } from '../format.js';
import { defineTool, inWorkspace, READS } from '../tool.js';

export const campaignTools = [
  defineTool({
    name: 'list_campaigns',
    title: 'List campaigns',
    description:
      'Campaigns of the workspace (goal, channels, budget, dates, KPIs, status), filtered by status or by dates that overlap from–to (YYYY-MM-DD), sorted and paged with a cursor.',
    input: inWorkspace(campaignListQuerySchema),
    output: campaignPageSchema,
    annotations: READS,
    async run(args, { api, workspace }) {
      const query = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.get(API.campaigns, { query, schema: campaignPageSchema });
      const text = [
        data.items.length === 0 ? 'No campaigns match.' : `${count(data.items.length, 'campaign')}:`,
        ...data.items.map((campaign) => `- ${describeCampaign(campaign)}`),
        ...nextPageLine(data.next_cursor),
      ];
      return { text: text.join('\n'), data };
    },
  }),
  defineTool({
    name: 'get_campaign',
    title: 'Get a campaign',
    description: 'One campaign by id, with its channels, budget, dates, KPIs and status.',
    input: campaignParamsSchema,
    output: campaignSchema,
    annotations: READS,
    async run({ id }, { api }) {
      const data = await api.get(API.campaign(id), { schema: campaignSchema });
      return { text: describeCampaign(data), data };
    },
  }),
];

/** One campaign on one line, with what an assistant needs to plan or forecast for it. */
export function describeCampaign(campaign: Campaign): string {
  const kpis =
    campaign.kpis.length > 0
      ? `; KPIs: ${campaign.kpis.map((kpi) => `${kpi.metric} ${kpi.target.toLocaleString('en')}`).join(', ')}`
      : '';
  return (
    `${campaign.name} (id ${campaign.id}): ${campaign.status}, ${campaign.objective}, ` +
    `${campaign.start_date} to ${campaign.end_date}, channels ${campaign.channels.join(', ')}, ` +
    `budget ${money(campaign.budget_minor, campaign.currency)}${kpis}`
  );
}
