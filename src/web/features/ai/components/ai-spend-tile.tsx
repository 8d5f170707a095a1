import { Link } from 'react-router';
import type { BudgetStatus } from '#shared/ai.schema.js';
import type { Business } from '#shared/business.schema.js';
import { Card } from '#web/components/ui/card.js';
import { BudgetMeter, budgetMonth } from './budget-card.js';
import './ai.css';

/** The dashboard's view of AI spend: this month against the budget, and the way to the usage page. */
export function AiSpendTile({ business, budget }: { business: Business; budget: BudgetStatus }) {
  return (
    <Card
      title="AI spend"
      tone={budget.exceeded ? 'danger' : 'default'}
      description={budgetMonth(budget.month_start, business.time_zone)}
    >
      <div className="stack">
        <BudgetMeter budget={budget} locale={business.locale} />
        <Link to={`/w/${business.id}/ai-usage`}>AI usage and budget</Link>
      </div>
    </Card>
  );
}
