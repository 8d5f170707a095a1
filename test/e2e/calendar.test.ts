import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import {
  callApiAs,
  confirmationLinkFor,
  newPersonDetails,
  seedBusiness,
  seedMember,
  seedUser,
} from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

/** Types a phrase into a tag input and presses Enter, as a person adds one tag. */
async function addTag(page: Page, label: string, tag: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label });
  await input.fill(tag);
  await input.press('Enter');
}

async function currentStep(page: Page): Promise<string> {
  return (await page.locator('[aria-current="step"]').textContent()) ?? '';
}

async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name }).click();
}

// The one journey that signs up through the UI. What it leaves to component tests: the brand page's form
// (brand-page.test.tsx), the campaign form and its status moves (new-campaign-page.test.tsx), the
// generate dialog's rules (generate-calendar-dialog.test.tsx), the editor's rules and each role's moves
// (content-editor.test.tsx), the streamed variants' preview (try-ai-card.test.tsx).
describe('Onboarding, studio and calendar flow', () => {
  it('sign up → onboarding wizard (every step) → generate a 2-week calendar offline → studio streams 2 variants → save one as a draft with a time → calendar: drag it to another day, back with the keyboard → submit → approve → schedule → a new campaign starts on the brand’s channels', async () => {
    const me = newPersonDetails('owner');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(me.name);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // No SMTP here: the page says the email is in the dev outbox, where its link finishes the sign-up.
    await page.getByText('Check your email', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'dev outbox' }).waitFor();
    const link = await confirmationLinkFor(env.server.url, me.email);
    await page.goto(`${link.pathname}${link.hash}`);

    // Step 1: the business (time zone from the browser).
    await page.getByRole('heading', { name: 'Create your first business', level: 1 }).waitFor();
    expect(await currentStep(page)).toContain('Your business');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
    await page.getByLabel('Business name').fill('Bluebird Bakery');
    await page.getByLabel('Industry').fill('Bakery');
    await page.getByLabel('Website').fill('https://bluebird.example');
    await shootAllLooks(page, 'onboarding-business');
    await page.getByRole('button', { name: 'Create business' }).click();

    // Step 2: what it sells and to whom; an unnamed product is refused with the shared schema's rule.
    await page.getByRole('heading', { name: 'What you sell, and to whom', level: 1 }).waitFor();
    expect(await currentStep(page)).toContain('What you sell');
    await page.getByRole('button', { name: 'Add a product' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Name the product (up to 60 characters)').waitFor();
    await page.getByLabel('Product name').fill('Sourdough loaf');
    await page.getByLabel('Price').fill('€6.50');
    await page.getByLabel('What it is').fill('Slow-fermented for 36 hours, baked every morning.');
    await page.getByRole('button', { name: 'Add an audience' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Busy parents');
    await addTag(page, 'Pains', 'no time for breakfast');
    await shootAllLooks(page, 'onboarding-offer');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: channels and goals.
    await page.getByRole('heading', { name: 'Where you post, and why', level: 1 }).waitFor();
    await addTag(page, 'Goals', 'fill weekday mornings');
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Bluesky').check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: the voice. Back first: step 3 kept what was saved.
    await page.getByRole('heading', { name: 'How you sound', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Where you post, and why', level: 1 }).waitFor();
    expect(await page.getByLabel('Instagram').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove fill weekday mornings' }).waitFor();
    // Keyboard: Next is reachable and works from the keyboard.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'How you sound', level: 1 }).waitFor();
    // The wizard is narrow on a wide screen: the tone sliders take its width, not a sliver of it.
    const sliderWidths = await page
      .getByRole('slider')
      .evaluateAll((sliders) => sliders.map((slider) => slider.getBoundingClientRect().width));
    expect(sliderWidths).toHaveLength(4);
    expect(Math.min(...sliderWidths)).toBeGreaterThan(200);
    await page.getByRole('slider', { name: 'Formal to Casual' }).fill('75');
    await addTag(page, 'Personality', 'warm');
    await addTag(page, 'Words to use', 'fresh from the oven');
    await addTag(page, 'Words to avoid', 'cheap');
    await page.getByRole('button', { name: 'Add an example post' }).click();
    await page.getByLabel('Example 1').fill('The first loaves are out at 7. Come early, they go fast.');
    await shootAllLooks(page, 'onboarding-voice');
    await page.getByRole('button', { name: 'Finish' }).click();

    // The workspace, with the next step offered.
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    const businessId = /\/w\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page.getByRole('link', { name: 'Generate your first calendar' }).click();

    // The dialog: channels from the brand profile, 2 weeks, a cadence for Instagram, Bluesky left to the AI.
    const dialog = page.getByRole('dialog', { name: 'Generate a calendar' });
    await dialog.waitFor();
    const startDate = await dialog.getByLabel('Start date').inputValue();
    await dialog.getByLabel('Weeks').fill('2');
    await dialog.getByLabel('Instagram posts a week').fill('3');
    await addTag(page, 'Content pillars', 'Behind the scenes');
    await shootAllLooks(page, 'calendar-generate');
    await dialog.getByRole('button', { name: 'Generate calendar' }).click();

    // The job runs on the server's queue and the offline writer; its plan comes back with the cadence asked for.
    await dialog.getByRole('heading', { name: /items planned$/ }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('region', { name: 'Cadence' }).getByText('Instagram: 3 a week').waitFor();
    const planned = Number(
      /^(\d+)/.exec((await dialog.getByRole('heading', { level: 3 }).textContent()) ?? '')?.[1],
    );
    expect(planned).toBeGreaterThanOrEqual(6);
    await shootAllLooks(page, 'calendar-generated');
    await dialog.getByRole('button', { name: 'Show the calendar' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Studio: two variants streamed by the offline writer, each previewed with its count; save the second.
    await openScreen(page, 'Studio');
    await page.getByRole('heading', { name: 'Content studio', level: 1 }).waitFor();
    await page.getByLabel('Channel').selectOption('bluesky');
    await page
      .getByLabel('Brief')
      .fill('Our spring menu launches Friday: three new pastries, 10% off the first weekend.');
    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/content/generate'));
    await page.getByRole('button', { name: 'Write variants' }).click();
    expect((await streamed).headers()['content-type']).toContain('text/event-stream');
    const variants = page.getByRole('list', { name: 'Variants' }).getByRole('article', { name: /^Variant/ });
    await variants.nth(1).waitFor();
    expect(await variants.count()).toBe(2);
    for (const variant of await variants.all()) {
      await variant.getByText('Offline writer').waitFor();
      await variant.getByText(/ \/ 300 characters \(graphemes\)/).waitFor();
    }
    await shootAllLooks(page, 'studio');
    await page.getByRole('button', { name: 'Save variant 2 as draft' }).click();
    await toast(page, 'Variant 2 saved as a draft');
    await page.getByRole('link', { name: 'Open draft 2' }).click();

    // Editor: give it a publishing time (the plan's first day, 09:30 local) so it shows in the calendar.
    await page.getByRole('heading', { level: 1 }).waitFor();
    const href = new URL(page.url()).pathname;
    expect(href).toMatch(/\/content\/[0-9a-f-]{36}$/);
    await page.getByLabel('Publish at').fill(`${startDate}T09:30`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, /^Saved$/);
    await page.getByRole('article', { name: 'Bluesky preview' }).waitFor();
    await shootAllLooks(page, 'editor');

    // Calendar (week view): the draft sits on its day among the planned ideas; drag it to another day of the
    // week, at the same time.
    await page.goto(`/w/${businessId}/calendar?view=week&date=${startDate}`);
    const day = (date: string) => page.locator(`[data-date="${date}"]`);
    const draft = (date: string) => day(date).locator(`.cal-chip[href="${href}"]`);
    await draft(startDate).waitFor();
    expect(await page.locator('.cal-chip').count()).toBeGreaterThan(1);
    expect(await seriousViolations(page), 'the calendar, week view').toEqual([]);
    const week = await page
      .locator('[data-date]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date') ?? ''));
    const target = week.find((date) => date !== startDate) ?? '';
    await draft(startDate).dragTo(day(target));
    await toast(page, 'Moved');
    await draft(target).getByText('09:30').waitFor();
    await shootAllLooks(page, 'calendar-week');

    // Keyboard: arrow keys pick a day, Enter moves it back.
    const steps = week.indexOf(startDate) - week.indexOf(target);
    await draft(target).focus();
    for (let step = 0; step < Math.abs(steps); step += 1)
      await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('Enter');
    await draft(startDate).getByText('09:30').waitFor();
    await page.goto(`/w/${businessId}/calendar?date=${startDate}`);
    await draft(startDate).waitFor();
    await shootAllLooks(page, 'calendar-month');

    // Open it from the calendar; review and schedule: submit, approve as the owner, schedule at its time.
    await draft(startDate).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await toast(page, 'Submitted for review: now in review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await toast(page, 'Approved: now approved');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await toast(page, 'Scheduled: now scheduled');
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Scheduled', { exact: true }).waitFor();
    await history.getByText('Approved', { exact: true }).waitFor();
    await history.getByText('Submitted for review').waitFor();
    await shootAllLooks(page, 'editor-approved');

    // A new campaign starts on the channels the brand profile named in onboarding, in the workspace's money.
    await page.goto(`/w/${businessId}/campaigns/new`);
    await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Instagram' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Bluesky' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'LinkedIn' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Currency').inputValue()).toBe('EUR');

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Sharing the calendar and review comments', () => {
  it('an owner makes a review link a visitor opens without an account, then mentions an editor in a comment on the item', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const editor = await seedUser(env.server.url, 'editor');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Bakery');
    await seedMember(env.server.url, owner, business.id, editor, 'editor');
    const soon = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000).toISOString();
    const item = await callApiAs<{ id: string; version: number }>(
      env.server.url,
      editor,
      'POST',
      '/api/content',
      {
        business_id: business.id,
        channel: 'linkedin',
        title: 'Rye week',
        body: 'Dark rye, all week.',
        scheduled_at: soon,
      },
    );
    await callApiAs(env.server.url, editor, 'POST', `/api/content/${item.id}/transition`, {
      to: 'in_review',
      version: item.version,
    });

    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Bakery', level: 1 }).waitFor();
    await page.goto(`/w/${business.id}/calendar`);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share the calendar' });
    await dialog.getByLabel('Who it is for').fill('Harbour’s agency');
    await dialog.getByLabel('Expires after').selectOption('30');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByLabel('Review link for Harbour’s agency').inputValue();
    expect(link).toMatch(/\/review#token=/);
    await dialog
      .getByRole('list', { name: 'Review links' })
      .getByText(/Harbour’s agency/)
      .waitFor();
    await shootAllLooks(page, 'share-calendar');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A visitor with no account sees the item in review, and nothing to change.
    const visitor = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const shared = await visitor.newPage();
    const visitorErrors = watchPageErrors(shared);
    await shared.goto(link);
    await shared.getByRole('heading', { name: 'Rye week' }).waitFor();
    await shared.getByText('In review').waitFor();
    expect(await shared.getByRole('button').count()).toBe(0);
    await shootAllLooks(shared, 'review-link');
    await visitor.close();

    // On the item, a comment that mentions the editor tells them.
    await page.goto(`/w/${business.id}/content/${item.id}`);
    const comments = page.getByRole('region', { name: 'Comments' });
    const field = comments.getByLabel('Add a comment');
    await field.fill('Looks right. @ed');
    await comments.getByRole('button', { name: `@${editor.name}` }).click();
    await field.press('End');
    await field.pressSequentially('can you add the price?');
    await comments.getByRole('button', { name: 'Comment' }).click();
    await comments.getByText(`Looks right. @${editor.name} can you add the price?`).waitFor();
    await shootAllLooks(page, 'item-comments');
    const notices = await callApiAs<{ items: { kind: string; link: string }[] }>(
      env.server.url,
      editor,
      'GET',
      `/api/business/${business.id}/notifications`,
    );
    expect(notices.items.filter((notice) => notice.kind === 'comment_mention')).toHaveLength(1);

    expect(errors).toEqual([]);
    expect(visitorErrors).toEqual([]);
    await context.close();
  });
});

describe('Dates in a browser without Temporal of its own', () => {
  it('loads the polyfill before the first render and shows the calendar as everywhere else', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Quay Bakery');
    const soon = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000).toISOString();
    await callApiAs(env.server.url, owner, 'POST', '/api/content', {
      business_id: business.id,
      channel: 'linkedin',
      title: 'Seeded loaves',
      body: 'Seeded loaves on Friday.',
      scheduled_at: soon,
    });

    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    // As in a browser that has not shipped Temporal yet: the app must fetch the polyfill itself.
    await context.addInitScript(() => {
      Reflect.deleteProperty(globalThis, 'Temporal');
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Quay Bakery', level: 1 }).waitFor();
    await page.goto(`/w/${business.id}/calendar?date=${soon.slice(0, 10)}`);
    await page.getByRole('link', { name: /Seeded loaves/ }).waitFor();
    expect(scripts.some((script) => /\/assets\/global\.esm-[\w-]+\.js$/.test(script))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
