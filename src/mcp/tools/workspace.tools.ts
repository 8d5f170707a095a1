import { API } from '#shared/api-paths.js';
import { type Business, businessListSchema } from '#shared/business.schema.js';
import { count, excerpt } from '../format.js';
import { defineTool, emptyInput, READS } from '../tool.js';

/** Workspaces the key reaches: an API key belongs to exactly one. */
export const workspaceTools = [
  defineTool({
    name: 'list_workspaces',
    title: 'List workspaces',
    description:
      'The workspaces this API key can work in (a key belongs to one), with its role there, time zone, locale and brand profile (voice, audience, products). Other tools act in this workspace unless given another business_id.',
    input: emptyInput,
    output: businessListSchema,
    annotations: READS,
    async run(_args, { api }) {
      const data = await api.get(API.businesses, { schema: businessListSchema });
      const text = [`${count(data.items.length, 'workspace')}:`, ...data.items.map(describeWorkspace)];
      return { text: text.join('\n'), data };
    },
  }),
];

function describeWorkspace(business: Business): string {
  const lines = [
    `- ${business.name} (business_id ${business.id}); this key's role: ${business.role}; time zone ${business.time_zone}; locale ${business.locale}`,
  ];
  if (business.description) lines.push(`  About: ${excerpt(business.description, 200)}`);
  const { voice, audiences, products, channels } = business.brand;
  if (voice.personality.length > 0) lines.push(`  Voice: ${voice.personality.join(', ')}`);
  if (voice.words_to_avoid.length > 0) lines.push(`  Words to avoid: ${voice.words_to_avoid.join(', ')}`);
  if (audiences.length > 0) lines.push(`  Audiences: ${audiences.map((persona) => persona.name).join(', ')}`);
  if (products.length > 0) lines.push(`  Products: ${products.map((product) => product.name).join(', ')}`);
  if (channels.length > 0) lines.push(`  Channels: ${channels.join(', ')}`);
  return lines.join('\n');
}
