import { useTranslation } from 'react-i18next';
import type { AiCall } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';

const TONES: Record<AiCall['outcome'], 'neutral' | 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  cached: 'neutral',
  error: 'danger',
  budget_exceeded: 'warning',
  cancelled: 'neutral',
};

/** How an AI call ended. */
export function OutcomeBadge({ outcome }: { outcome: AiCall['outcome'] }) {
  const { t } = useTranslation('ai');
  return <Badge tone={TONES[outcome]}>{t(`outcomes.${outcome}`)}</Badge>;
}
