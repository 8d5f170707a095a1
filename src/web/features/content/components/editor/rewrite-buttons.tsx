import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewriteContentInput } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { useRewriteContent } from '#web/features/content/api/rewrite-content.js';
import { describeError } from '#web/lib/error-messages.js';

/** Each button, named in the `rewrite.modes` strings; the tone is the model's instruction, in English. */
const MODES = [
  { name: 'shorter', input: { mode: 'shorten' } },
  { name: 'longer', input: { mode: 'expand' } },
  { name: 'playful', input: { mode: 'tone', tone: 'more playful' } },
  { name: 'formal', input: { mode: 'tone', tone: 'more formal' } },
  { name: 'variant', input: { mode: 'variant' } },
] as const satisfies readonly { name: string; input: Pick<RewriteContentInput, 'mode' | 'tone'> }[];

interface RewriteButtonsProps {
  businessId: string;
  channel: ChannelId;
  text: string;
  /** Puts the rewritten text in the body; the person saves it (or not). */
  onRewrite: (text: string) => void;
}

/** Asks the AI for another take on the text: shorter, longer, another tone, another variant. */
export function RewriteButtons({ businessId, channel, text, onRewrite }: RewriteButtonsProps) {
  const { t } = useTranslation('content');
  const rewrite = useRewriteContent(businessId);
  const [offline, setOffline] = useState(false);
  return (
    <div className="stack editor-rewrite">
      <div className="row">
        <span className="field__label">{t('rewrite.title')}</span>
        {offline && <Badge tone="accent">{t('rewrite.offline')}</Badge>}
      </div>
      <div className="row">
        {MODES.map(({ name, input }) => (
          <Button
            key={name}
            size="sm"
            disabled={text.trim() === '' || rewrite.isPending}
            loading={
              rewrite.isPending &&
              rewrite.variables?.mode === input.mode &&
              rewrite.variables.tone === ('tone' in input ? input.tone : undefined)
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
            {t(`rewrite.modes.${name}`)}
          </Button>
        ))}
      </div>
      {rewrite.isError && <Banner tone="danger">{describeError(rewrite.error)}</Banner>}
    </div>
  );
}
