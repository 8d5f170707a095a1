import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { AiSpendTile } from '#web/features/ai/components/ai-spend-tile.js';
import { TryAiCard } from '#web/features/ai/components/try-ai-card.js';
import { useAttention } from '#web/features/dashboard/api/get-attention.js';
import { AttentionBoard } from '#web/features/dashboard/components/attention-board.js';
import { WorkspaceSummary } from '#web/features/workspaces/components/workspace-summary.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';
import type { OnboardingDoneState } from './onboarding-page.js';

/**
 * The workspace's front page. Once there is work in it, what needs a person (kept live: the summary is
 * refetched whenever a live event changes what it counts); before that, the first steps.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const business = useWorkspace();
  const attention = useAttention(business.id);
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{business.name}</h1>
        {business.description && <p className="muted">{business.description}</p>}
      </div>
      {attention.isPending && <PageSpinner label={t('page.loading')} />}
      {attention.isError && <Banner tone="danger">{describeError(attention.error)}</Banner>}
      {attention.isSuccess &&
        (attention.data.first_run ? (
          <FirstSteps business={business} />
        ) : (
          <AttentionBoard
            business={business}
            attention={attention.data}
            aiSpend={
              attention.data.ai_spend && <AiSpendTile business={business} budget={attention.data.ai_spend} />
            }
          />
        ))}
    </>
  );
}

/** An empty workspace: the first calendar, a taste of the AI, and the business profile to check. */
function FirstSteps({ business }: { business: Business }) {
  const { t } = useTranslation('dashboard');
  // Arriving from the onboarding wizard: the next thing to do is the first calendar.
  const welcome = (useLocation().state as OnboardingDoneState | null)?.welcome === true;
  return (
    <>
      {welcome && can(business.role, 'ai.use') && (
        <Card title={t('page.firstCalendar.title')} description={t('page.firstCalendar.description')}>
          <Link to="calendar?generate=1" className="button button--primary button--md">
            {t('page.firstCalendar.generate')}
          </Link>
        </Card>
      )}
      {can(business.role, 'ai.use') && <TryAiCard business={business} />}
      <WorkspaceSummary business={business} />
    </>
  );
}
