import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BudgetStatus } from '#shared/ai.schema.js';
import type { Business } from '#shared/business.schema.js';
import { Card } from '#web/components/ui/card.js';
import { BudgetMeter, budgetMonth } from './budget-card.js';
import './ai.css';

/** The dashboard's view of AI spend: this month against the budget, and the way to the usage page. */
export function AiSpendTile({ business, budget }: { business: Business; budget: BudgetStatus }) {
  const { t } = useTranslation('ai');
  return (
    <Card
      title={t('spendTile.title')}
      tone={budget.exceeded ? 'danger' : 'default'}
      description={budgetMonth(budget.month_start, business.time_zone, t)}
    >
      <div className="stack">
        <BudgetMeter budget={budget} locale={business.locale} />
        <Link to={`/w/${business.id}/ai-usage`}>{t('spendTile.link')}</Link>
      </div>
    </Card>
  );
}
