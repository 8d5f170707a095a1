import type { AiCall } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';

const OUTCOMES: Record<
  AiCall['outcome'],
  { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }
> = {
  ok: { label: 'OK', tone: 'success' },
  cached: { label: 'Cached', tone: 'neutral' },
  error: { label: 'Failed', tone: 'danger' },
  budget_exceeded: { label: 'Over budget', tone: 'warning' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** How an AI call ended. */
export function OutcomeBadge({ outcome }: { outcome: AiCall['outcome'] }) {
  const { label, tone } = OUTCOMES[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}
