import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
/** What the browser runs: the web app and the code it shares with the server. */
const BROWSER_CODE = ['web', 'shared'];

// Numbers and dates in the browser's conventions instead of the workspace's (docs/translations.md,
// "Numbers, dates and money"): an argument-less toLocaleString, or an Intl formatter given no locale.
const BROWSER_FORMATTING =
  /\.toLocale(Date|Time)?String\(\)|new Intl\.(NumberFormat|DateTimeFormat|DisplayNames)\((undefined\b|\))/;

/** Every source line of the web app and the code it shares, tests and test helpers aside. */
function browserLines(): { where: string; line: string }[] {
  return BROWSER_CODE.flatMap((folder) =>
    readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('test/'))
      .flatMap((file) =>
        readFileSync(path.join(SRC, folder, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ where: `src/${folder}/${file}:${index + 1}`, line: line.trim() })),
      ),
  );
}

describe('formatting in the web app', () => {
  it('goes through src/web/lib/workspace-format.ts, never the browser’s own conventions', () => {
    expect(browserLines().filter(({ line }) => BROWSER_FORMATTING.test(line))).toEqual([]);
  });

  // docs/translations.md, "Channel names": the shared name is English ("Email").
  it('names channels through src/web/lib/channel-name.ts, in the reader’s language', () => {
    const offenders = browserLines().filter(
      ({ where, line }) =>
        where.startsWith('src/web/') &&
        !where.startsWith('src/web/lib/channel-name.ts') &&
        /(CHANNEL_RULES\[[^\]]+\]|channelRule\([^)]*\))\.name\b/.test(line),
    );
    expect(offenders).toEqual([]);
  });
});
