import type { TFunction } from 'i18next';
import { type ComponentProps, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** One tone axis: a 0–100 range between two words, with the current leaning spelled out for readers. */
export function ToneSlider({
  from,
  to,
  value,
  ...props
}: { from: string; to: string; value: number } & Omit<ComponentProps<'input'>, 'type' | 'value'>) {
  const id = useId();
  const { t } = useTranslation('brand');
  return (
    <div className="tone-slider">
      <label htmlFor={id} className="visually-hidden">
        {t('tone.axis', { from, to })}
      </label>
      <span className="tone-slider__end" aria-hidden="true">
        {from}
      </span>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={5}
        value={value}
        aria-valuetext={describeTone(from, to, value, t)}
        className="tone-slider__input"
        {...props}
      />
      <span className="tone-slider__end tone-slider__end--to" aria-hidden="true">
        {to}
      </span>
    </div>
  );
}

/** "Quite casual", "Balanced", "Very formal": what the slider position means in words. */
export function describeTone(from: string, to: string, value: number, t: TFunction<'brand'>): string {
  if (value >= 45 && value <= 55) return t('tone.balanced');
  const word = (value < 50 ? from : to).toLowerCase();
  const strength = Math.abs(value - 50);
  return strength >= 35
    ? t('tone.very', { word })
    : strength >= 15
      ? t('tone.quite', { word })
      : t('tone.slightly', { word });
}
