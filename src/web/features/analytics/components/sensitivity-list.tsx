import type { ForecastResults } from '#shared/analytics.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Card } from '#web/components/ui/card.js';
import { formatPercent, INPUT_LABELS } from '../analytics-format.js';

const SHOWN = 6;

/** Which uncertain inputs drive the spread of conversions most, largest first. */
export function SensitivityList({ results }: { results: ForecastResults }) {
  const ranked = [...results.sensitivity].sort((a, b) => b.share - a.share).slice(0, SHOWN);
  return (
    <Card
      title="What drives the spread"
      description="How much of the uncertainty in conversions each input explains on its own."
    >
      {ranked.length === 0 ? (
        <p className="muted">Nothing uncertain enough to rank.</p>
      ) : (
        <ol className="sensitivity">
          {ranked.map((entry) => (
            <li key={`${entry.channel}-${entry.input}`} className="sensitivity__item">
              <span>
                {CHANNEL_RULES[entry.channel].name}: {INPUT_LABELS[entry.input].toLowerCase()}
              </span>
              <span className="sensitivity__bar" aria-hidden="true">
                <span style={{ width: `${Math.max(2, entry.share * 100)}%` }} />
              </span>
              <span className="analytics-num">
                {formatPercent(entry.share)}
                <span className="visually-hidden">
                  {' '}
                  of the spread; conversions {entry.correlation >= 0 ? 'rise' : 'fall'} as it rises
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
