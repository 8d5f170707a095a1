import { usageQuerySchema, usageResponseSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { microUsd } from '../format.js';
import { defineTool, inWorkspace, READS } from '../tool.js';

export const aiSpendTools = [
  defineTool({
    name: 'get_ai_spend',
    title: 'Read AI spend',
    description:
      'What the workspace’s AI calls cost from–to (YYYY-MM-DD, both inclusive, UTC; the last 30 days by default): calls, tokens, cost and errors by day, task and model, and the monthly budget with what remains. Costs are in micro-dollars.',
    input: inWorkspace(usageQuerySchema),
    output: usageResponseSchema,
    annotations: READS,
    async run(args, { api, workspace }) {
      const query = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.get(API.aiUsage, { query, schema: usageResponseSchema });
      const { totals, budget } = data;
      const lines = [
        `AI spend ${data.from} to ${data.to}: ${microUsd(totals.cost_micro_usd)} for ${totals.calls} calls ` +
          `(${totals.prompt_tokens.toLocaleString('en')} prompt and ${totals.completion_tokens.toLocaleString('en')} completion tokens; ${totals.errors} errors).`,
        budget.monthly_limit_micro_usd === null
          ? `No monthly budget is set; ${microUsd(budget.spent_this_month_micro_usd)} spent this month.`
          : `Monthly budget ${microUsd(budget.monthly_limit_micro_usd)}: ${microUsd(budget.spent_this_month_micro_usd)} spent, ` +
            `${microUsd(budget.remaining_micro_usd ?? 0)} left${budget.exceeded ? ' (exceeded: AI calls are refused until next month or a higher budget)' : ''}.`,
      ];
      if (data.by_task.length > 0) {
        lines.push('By task:');
        for (const task of data.by_task)
          lines.push(`- ${task.task}: ${task.calls} calls, ${microUsd(task.cost_micro_usd)}`);
      }
      if (data.by_model.length > 0) {
        lines.push('By model:');
        for (const model of data.by_model)
          lines.push(`- ${model.model}: ${model.calls} calls, ${microUsd(model.cost_micro_usd)}`);
      }
      return { text: lines.join('\n'), data };
    },
  }),
];
