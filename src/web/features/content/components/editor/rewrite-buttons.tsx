import { useState } from 'react';
import type { RewriteContentInput } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { useRewriteContent } from '#web/features/content/api/rewrite-content.js';
import { describeError } from '#web/lib/error-messages.js';

const MODES: readonly { label: string; input: Pick<RewriteContentInput, 'mode' | 'tone'> }[] = [
  { label: 'Shorter', input: { mode: 'shorten' } },
  { label: 'Longer', input: { mode: 'expand' } },
  { label: 'More playful', input: { mode: 'tone', tone: 'more playful' } },
  { label: 'More formal', input: { mode: 'tone', tone: 'more formal' } },
  { label: 'Another variant', input: { mode: 'variant' } },
];

interface RewriteButtonsProps {
  businessId: string;
  channel: ChannelId;
  text: string;
  /** Puts the rewritten text in the body; the person saves it (or not). */
  onRewrite: (text: string) => void;
}

/** Asks the AI for another take on the text: shorter, longer, another tone, another variant. */
export function RewriteButtons({ businessId, channel, text, onRewrite }: RewriteButtonsProps) {
  const rewrite = useRewriteContent(businessId);
  const [offline, setOffline] = useState(false);
  return (
    <div className="stack editor-rewrite">
      <div className="row">
        <span className="field__label">Rewrite</span>
        {offline && <Badge tone="accent">Offline writer</Badge>}
      </div>
      <div className="row">
        {MODES.map(({ label, input }) => (
          <Button
            key={label}
            size="sm"
            disabled={text.trim() === '' || rewrite.isPending}
            loading={
              rewrite.isPending &&
              rewrite.variables?.mode === input.mode &&
              rewrite.variables.tone === input.tone
            }
            onClick={() =>
              rewrite.mutate(
                { channel, text, ...input },
                {
                  onSuccess: (result) => {
                    setOffline(result.offline);
                    onRewrite(result.output.text);
                  },
                },
              )
            }
          >
            {label}
          </Button>
        ))}
      </div>
      {rewrite.isError && <Banner tone="danger">{describeError(rewrite.error)}</Banner>}
    </div>
  );
}
