import {
  type SuggestRepliesInput,
  type SuggestRepliesOutput,
  suggestRepliesInputSchema,
  suggestRepliesOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { fitToChannel } from '#shared/channels.js';
import { suggestReplyDrafts } from '../offline/replies.js';
import { fenceData } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { checkBusinessOutput, safetyProblems } from './output-checks.js';
import { answerFormat, systemMessage } from './prompt-parts.js';

const RULES = [
  'Replies are suggestions a person approves before anything is sent.',
  'Answer only from the knowledge entries and the profile; when they do not cover the question, say you will check and come back.',
  'Never promise refunds, discounts, compensation or dates unless a knowledge entry says so.',
  "Address the customer by name when it is given; reply in the customer's language; keep within the channel's limit.",
  'In `relied_on`, list the titles of the knowledge entries you used, or "brand profile".',
];

const REFUND = /\b(?:refund|money back|reimburs)/iu;

/** Reply drafts for a customer message, grounded in the business's knowledge. */
export const suggestRepliesTask: AiTask<SuggestRepliesInput, SuggestRepliesOutput> = {
  name: 'suggestReplies',
  version: '2026-11-26.1',
  input: suggestRepliesInputSchema,
  output: suggestRepliesOutputSchema,
  maxOutputTokens: (input) => 500 + 1_500 * input.count,

  prompt(input, { business }) {
    const system = systemMessage(
      `You draft customer-service replies for ${business.name}.`,
      business,
      [input.channel],
      RULES,
    );
    const thread = input.thread
      .map((message) => `${message.direction === 'in' ? 'Customer' : 'Us'}: ${message.body}`)
      .join('\n');
    const user = [
      `Suggest ${input.count} different replies to the latest message.`,
      input.customer_name ? `Customer name:\n${fenceData('customer_name', input.customer_name)}` : null,
      thread ? `Earlier messages in the conversation:\n${fenceData('conversation', thread)}` : null,
      `Latest message:\n${fenceData('customer_message', input.message)}`,
      input.knowledge.length
        ? `Knowledge entries:\n${input.knowledge.map((entry) => fenceData('knowledge', `${entry.title}\n${entry.body}`)).join('\n')}`
        : 'No knowledge entries were given.',
      answerFormat(suggestRepliesOutputSchema),
    ];
    return [system, { role: 'user', content: user.filter(Boolean).join('\n\n') }];
  },

  offline(input, { business }) {
    return suggestReplyDrafts(input, business);
  },

  finalize(output, input, context) {
    const { business } = context;
    const titles = new Set(input.knowledge.map((entry) => entry.title));
    const knowledgeOffersRefund = input.knowledge.some((entry) => REFUND.test(entry.body));
    const replies = output.replies.slice(0, input.count).map((reply) => {
      const relied = reply.relied_on.filter((title) => titles.has(title) || title === 'brand profile');
      return {
        body: fitToChannel(input.channel, reply.body),
        relied_on: relied.length ? relied : ['brand profile'],
      };
    });
    const problems: string[] = [];
    if (!knowledgeOffersRefund && replies.some((reply) => REFUND.test(reply.body))) {
      problems.push('Do not mention or promise a refund: no knowledge entry offers one.');
    }
    // Replies follow the customer's language, so there is no language to hold them to; and the customer's
    // own links are not "given": a message can plant a link for a reply to repeat.
    const findings = checkBusinessOutput(
      replies.map((reply, index) => ({ field: `replies.${index}.body`, text: reply.body })),
      [],
      business,
      { given: input.knowledge.map((entry) => `${entry.title}\n${entry.body}`) },
    );
    problems.push(...findings.problems);
    problems.push(
      ...safetyProblems(
        replies.map((reply) => reply.body),
        this.prompt(input, context),
        business,
      ),
    );
    return { output: { replies, warnings: findings.warnings }, problems, flags: findings.flags };
  },
};
