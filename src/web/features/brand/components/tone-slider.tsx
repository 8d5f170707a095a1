import { type ComponentProps, useId } from 'react';

/** One tone axis: a 0–100 range between two words, with the current leaning spelled out for readers. */
export function ToneSlider({
  from,
  to,
  value,
  ...props
}: { from: string; to: string; value: number } & Omit<ComponentProps<'input'>, 'type' | 'value'>) {
  const id = useId();
  return (
    <div className="tone-slider">
      <label htmlFor={id} className="visually-hidden">
        {from} to {to}
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
        aria-valuetext={describeTone(from, to, value)}
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
export function describeTone(from: string, to: string, value: number): string {
  if (value >= 45 && value <= 55) return 'Balanced';
  const word = value < 50 ? from : to;
  const strength = Math.abs(value - 50);
  return `${strength >= 35 ? 'Very' : strength >= 15 ? 'Quite' : 'Slightly'} ${word.toLowerCase()}`;
}
