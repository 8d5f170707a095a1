import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`, so typing in a form runs one forecast, not one per key.
 *
 * @example
 * const body = useDebouncedValue(draft, 400);
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
