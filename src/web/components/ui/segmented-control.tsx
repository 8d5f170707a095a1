import { useId } from 'react';
import './segmented-control.css';

interface SegmentedControlProps<V extends string> {
  /** Names the group; visually hidden unless `showLabel`. */
  label: string;
  showLabel?: boolean;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
}

/**
 * A choice of a few mutually exclusive options shown side by side ("7 days | 30 days | 90 days"). Native
 * radio buttons underneath, so arrow keys, focus and screen readers work as everywhere else.
 */
export function SegmentedControl<V extends string>({
  label,
  showLabel = false,
  options,
  value,
  onChange,
}: SegmentedControlProps<V>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className={showLabel ? 'segmented__legend' : 'visually-hidden'}>{label}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
