/**
 * A round upper bound for an axis and its evenly spaced ticks (1, 2, 2.5 or 5 times a power of ten), so
 * gridlines land on numbers a person can read. With `integers`, steps are whole (for counts).
 *
 * @example niceTicks(87, 4) // [0, 25, 50, 75, 100]
 */
export function niceTicks(max: number, count = 4, integers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = integers ? Math.max(1, max / count) : max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Every how many bars to print a label so labels `labelWidth` wide do not collide. */
export function labelEvery(bars: number, width: number, labelWidth: number): number {
  if (bars === 0 || width <= 0) return 1;
  return Math.max(1, Math.ceil(bars / Math.max(1, Math.floor(width / labelWidth))));
}
