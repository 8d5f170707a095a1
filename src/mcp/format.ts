// Small text helpers for tool answers: the model reads these lines, so each names the ids and versions
// the next call needs, and amounts carry their unit.

/** An amount in minor units (cents) with its ISO 4217 currency: `1,250.00 EUR`. */
export function money(minor: number, currency: string): string {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    const major = minor / 10 ** (digits ?? 2);
    return `${major.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
  } catch {
    return `${minor} minor units of ${currency}`;
  }
}

/** Micro-dollars (the AI ledger's unit) as dollars: `$0.0042`. */
export function microUsd(micro: number): string {
  const dollars = micro / 1_000_000;
  return `$${dollars.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: dollars < 1 ? 4 : 2 })}`;
}

/** A rounded number with thousands separators, or `n/a` for a forecast value that does not exist. */
export function num(value: number | null, fractionDigits = 0): string {
  return value === null ? 'n/a' : value.toLocaleString('en', { maximumFractionDigits: fractionDigits });
}

/** The first `max` characters of a text on one line. */
export function excerpt(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A plural-aware count: `1 campaign`, `3 campaigns`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The line that tells the model how to get the next page, when there is one. */
export function nextPageLine(cursor: string | null): string[] {
  return cursor ? [`More results: call again with cursor "${cursor}".`] : [];
}
