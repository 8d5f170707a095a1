import { useTranslation } from 'react-i18next';
import type { ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatPercent } from '../analytics-format.js';

const SHOWN = 6;

/** Which uncertain inputs drive the spread of conversions most, largest first. */
export function SensitivityList({ results }: { results: ForecastResults }) {
  const ranked = [...results.sensitivity].sort((a, b) => b.share - a.share).slice(0, SHOWN);
  const { t } = useTranslation('analytics');
  return (
    <Card title={t('sensitivity.title')} description={t('sensitivity.description')}>
      {ranked.length === 0 ? (
        <p className="muted">{t('sensitivity.none')}</p>
      ) : (
        <ol className="sensitivity">
          {ranked.map((entry) => (
            <li key={`${entry.channel}-${entry.input}`} className="sensitivity__item">
              <span>
                {t('sensitivity.item', {
                  channel: channelName(entry.channel),
                  input: t(`inputsInSentence.${entry.input}`),
                })}
              </span>
              <span className="sensitivity__bar" aria-hidden="true">
                <span style={{ width: `${Math.max(2, entry.share * 100)}%` }} />
              </span>
              <span className="analytics-num">
                {formatPercent(entry.share)}
                <span className="visually-hidden">
                  {' '}
                  {entry.correlation >= 0 ? t('sensitivity.rise') : t('sensitivity.fall')}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
