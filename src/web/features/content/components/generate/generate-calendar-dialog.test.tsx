import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import { addDays, todayIn } from '#shared/zoned-time.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aBusiness, aCalendarJobResult, aJob, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { GenerateCalendarDialog } from './generate-calendar-dialog.js';

type Campaign = Parameters<typeof GenerateCalendarDialog>[0]['campaign'];

type Choices = Parameters<typeof GenerateCalendarDialog>[0]['campaigns'];

function renderDialog(business: Business, campaign?: Campaign, campaigns: Choices = []) {
  const onShow = vi.fn();
  const rendered = renderWithProviders(
    <GenerateCalendarDialog
      business={business}
      campaigns={campaigns}
      campaign={campaign}
      open
      onClose={() => undefined}
      onShow={onShow}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Generate a calendar' });
  const setWeeks = async (weeks: string) => {
    await rendered.user.clear(within(dialog).getByLabelText('Weeks'));
    await rendered.user.type(within(dialog).getByLabelText('Weeks'), weeks);
  };
  const generate = () =>
    rendered.user.click(within(dialog).getByRole('button', { name: 'Generate calendar' }));
  return { ...rendered, dialog, onShow, setWeeks, generate };
}

/** The calendar jobs the fake server runs: each POST starts the next job of `jobs`, answered as it is. */
function serveJobs(api: FakeApi, jobs: Job[]) {
  let started = 0;
  api.on('POST', API.generateCalendar, () => {
    const job = jobs[started++];
    return job ? json({ job_id: job.id }, 202) : problem(500, 'internal_error');
  });
  for (const job of jobs) api.on('GET', API.job(job.id), json(job));
}

const requestKeys = (api: FakeApi) =>
  api
    .sent('POST', API.generateCalendar)
    .map((request) => (request.body as { request_key: string }).request_key);

describe('GenerateCalendarDialog', () => {
  it('asks for a channel when the brand profile has none, before anything is sent', async () => {
    const api = fakeApi();
    const { dialog, generate } = renderDialog(aBusiness());

    await generate();

    expect(await within(dialog).findByText('Pick at least one channel')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it.each(['0', '13'])('keeps the weeks between 1 and 12 (%s refused)', async (weeks) => {
    const api = fakeApi();
    const { dialog, setWeeks, generate } = renderDialog(
      aBusiness({ brand: { ...aBusiness().brand, channels: ['instagram'] } }),
    );

    await setWeeks(weeks);
    await generate();

    expect(await within(dialog).findByText('From 1 to 12 weeks')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('plans on the brand’s channels from tomorrow, with a cadence only for ticked channels and one request key per submission', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['instagram', 'bluesky'] } });
    const api = fakeApi();
    const job = aJob({
      business_id: business.id,
      state: 'running',
      progress: 40,
      progress_message: 'Writing week 1',
    });
    serveJobs(api, [job]);
    const { user, dialog, setWeeks } = renderDialog(business);

    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Instagram' }).checked).toBe(true);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Bluesky' }).checked).toBe(true);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Start date').value).toBe(
      addDays(todayIn('Europe/Paris'), 1),
    );
    await setWeeks('2');
    await user.type(within(dialog).getByLabelText('Bluesky posts a week'), '5');
    await user.type(within(dialog).getByLabelText('Instagram posts a week'), '3');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Bluesky' }));
    await user.dblClick(within(dialog).getByRole('button', { name: 'Generate calendar' }));

    expect(await within(dialog).findByText('40% · Writing week 1')).toBeTruthy();
    expect(new Set(requestKeys(api)).size).toBe(1);
    expect(api.sent('POST', API.generateCalendar)[0]?.body).toMatchObject({
      business_id: business.id,
      weeks: 2,
      channels: ['instagram'],
      cadence: { instagram: 3 },
      campaign_id: null,
    });
  });

  it('plans for the campaign it was opened from: its channels and objective, the campaign fixed', async () => {
    fakeApi();
    const campaign = {
      id: anId(),
      name: 'Spring tune-ups',
      channels: ['facebook', 'email'],
      objective: 'sales',
      start_date: addDays(todayIn('Europe/Paris'), -3),
      end_date: addDays(todayIn('Europe/Paris'), 30),
    } as const;
    const { dialog } = renderDialog(aBusiness(), { ...campaign, channels: [...campaign.channels] });

    expect(within(dialog).getByText('Spring tune-ups')).toBeTruthy();
    expect(within(dialog).queryByRole('combobox', { name: 'Campaign' })).toBeNull();
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Facebook' }).checked).toBe(true);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Email' }).checked).toBe(true);
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Instagram' }).checked).toBe(false);
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Objective').value).toBe('sales');
  });

  it('plans for a campaign over the campaign’s own days, and says the plan keeps to them', async () => {
    const today = todayIn('Europe/Paris');
    const campaign = {
      id: anId(),
      name: 'Christmas orders',
      channels: ['instagram'],
      objective: 'sales',
      // 18 days, starting in 4 days: the 4 weeks from tomorrow would have run 10 days past its end.
      start_date: addDays(today, 4),
      end_date: addDays(today, 21),
    } as const;
    const business = aBusiness();
    const api = fakeApi();
    serveJobs(api, [aJob({ business_id: business.id, state: 'queued' })]);
    const { dialog, generate } = renderDialog(business, { ...campaign, channels: [...campaign.channels] });

    expect(within(dialog).getByLabelText<HTMLInputElement>('Start date').value).toBe(campaign.start_date);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Weeks').value).toBe('3');
    expect(within(dialog).getByRole('region', { name: 'Campaign dates' }).textContent).toContain(
      'the plan keeps to those 18 days',
    );
    await generate();

    await within(dialog).findByRole('progressbar', { name: 'Calendar progress' });
    expect(api.sent('POST', API.generateCalendar)[0]?.body).toMatchObject({
      start_date: campaign.start_date,
      weeks: 3,
      campaign_id: campaign.id,
    });
  });

  it('warns before generating when the chosen campaign cuts the dates, and refuses dates that miss it', async () => {
    const today = todayIn('Europe/Paris');
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['instagram'] } });
    const choices = [
      { id: anId(), name: 'Christmas orders', start_date: addDays(today, 6), end_date: addDays(today, 23) },
      { id: anId(), name: 'Next spring', start_date: addDays(today, 100), end_date: addDays(today, 130) },
    ];
    const api = fakeApi();
    serveJobs(api, [aJob({ business_id: business.id, state: 'queued' })]);
    const { user, dialog, generate } = renderDialog(business, undefined, choices);
    expect(within(dialog).queryByRole('region', { name: 'Campaign dates' })).toBeNull();

    await user.selectOptions(within(dialog).getByLabelText('Campaign'), 'Christmas orders');
    const notice = within(dialog).getByRole('region', { name: 'Campaign dates' });
    expect(within(notice).getByRole('status').textContent).toContain(
      'the plan keeps to those 18 days, not the 28 asked for',
    );

    await user.selectOptions(within(dialog).getByLabelText('Campaign'), 'Next spring');
    const refusal = within(dialog).getByRole('region', { name: 'Campaign dates' });
    expect(within(refusal).getByRole('alert').textContent).toContain('These dates miss it');
    await generate();
    expect(api.sent('POST', API.generateCalendar)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Use the campaign’s dates' }));
    expect(within(dialog).getByLabelText<HTMLInputElement>('Start date').value).toBe(choices[1]?.start_date);
    expect(within(dialog).getByLabelText<HTMLInputElement>('Weeks').value).toBe('5');
    await generate();
    await within(dialog).findByRole('progressbar', { name: 'Calendar progress' });
    expect(api.sent('POST', API.generateCalendar)[0]?.body).toMatchObject({
      start_date: choices[1]?.start_date,
      weeks: 5,
      campaign_id: choices[1]?.id,
    });
  });

  it('shows what the checks changed in the plan, the narrowed range first', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    const narrowed =
      "Planned 2026-12-07 to 2026-12-24 only, the campaign's dates (asked for 2026-12-04 to 2026-12-31)";
    serveJobs(fakeApi(), [
      aJob({
        business_id: business.id,
        state: 'succeeded',
        progress: 100,
        result: {
          ...aCalendarJobResult(6),
          adjustments: [
            { field: 'items', code: 'range_narrowed', message: narrowed },
            {
              field: 'items',
              code: 'time_moved',
              message: '"Rye" (linkedin) on 2026-12-08: moved from 03:15 to 08:00',
            },
          ],
          warnings: [{ field: 'items', code: 'repeated_title', message: 'Repeated titles: "Rye" (2 times)' }],
        },
      }),
    ]);
    const { dialog, generate } = renderDialog(business);
    await generate();

    const changes = await within(dialog).findByRole('list', { name: 'What the checks changed' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      narrowed,
      '"Rye" (linkedin) on 2026-12-08: moved from 03:15 to 08:00',
      'Repeated titles: "Rye" (2 times)',
    ]);
  });

  it('shows why the request was refused and keeps the form', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    fakeApi().on(
      'POST',
      API.generateCalendar,
      problem(402, 'budget_exceeded', 'This workspace has spent its monthly AI budget of $0.00.'),
    );
    const { dialog, generate } = renderDialog(business);

    await generate();

    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This workspace has spent its monthly AI budget of $0.00.',
    );
    expect(within(dialog).getByRole('button', { name: 'Generate calendar' })).toBeTruthy();
  });

  it('says an attempt failed while the job retries', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    const api = fakeApi();
    const failing = aJob({
      business_id: business.id,
      state: 'failed',
      attempts: 1,
      last_error: 'AppError: The AI provider did not answer in time',
    });
    serveJobs(api, [failing]);
    const { dialog, generate } = renderDialog(business);

    await generate();

    expect(
      await within(dialog).findByText(
        'An attempt failed (The AI provider did not answer in time); it is being tried again.',
      ),
    ).toBeTruthy();
  });

  it('explains a job that failed for good, and Try again starts a new job whose plan is shown', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    const api = fakeApi();
    const dead = aJob({
      business_id: business.id,
      state: 'dead',
      attempts: 2,
      last_error: 'AppError: This workspace has spent its monthly AI budget of $0.00.',
    });
    const done = aJob({
      business_id: business.id,
      state: 'succeeded',
      progress: 100,
      result: aCalendarJobResult(6),
    });
    serveJobs(api, [dead, done]);
    const { user, dialog, onShow, setWeeks, generate } = renderDialog(business);
    await setWeeks('1');
    await generate();

    const failure = await within(dialog).findByRole('alert');
    expect(within(failure).getByText('The calendar could not be generated')).toBeTruthy();
    expect(
      within(failure).getByText('This workspace has spent its monthly AI budget of $0.00.'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));

    expect(await within(dialog).findByRole('heading', { name: '6 items planned' })).toBeTruthy();
    expect(within(dialog).getByText('Offline writer')).toBeTruthy();
    const pillars = within(dialog).getByRole('region', { name: 'Pillars' });
    expect(within(pillars).getByText('Behind the scenes')).toBeTruthy();
    expect(within(pillars).getByText('60%')).toBeTruthy();
    expect(
      within(within(dialog).getByRole('region', { name: 'Cadence' })).getByText('LinkedIn: 3 a week'),
    ).toBeTruthy();
    const [first, second] = api.sent('POST', API.generateCalendar);
    expect(second?.body).toMatchObject({ weeks: 1, channels: ['linkedin'] });
    expect(requestKeys(api)).toHaveLength(2);
    expect(new Set(requestKeys(api)).size).toBe(2);
    expect(first?.body).toMatchObject({ weeks: 1 });

    await user.click(within(dialog).getByRole('button', { name: 'Show the calendar' }));
    expect(onShow).toHaveBeenCalledWith(addDays(todayIn('Europe/Paris'), 1));
  });

  it('lists the drafts that could not be written, and retries just those in a new job', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin', 'email'] } });
    const api = fakeApi();
    const reason =
      "The model's answer had hashtags we could not use; nothing was saved. Try again or choose another model.";
    const slot = {
      date: addDays(todayIn('Europe/Paris'), 2),
      time: '10:00',
      channel: 'email',
      format: 'email',
      pillar: 'Offers',
      title: 'May box',
      brief: 'Announce the May box.',
    } as const;
    const partial = aJob({
      business_id: business.id,
      state: 'succeeded',
      progress: 100,
      result: { ...aCalendarJobResult(5, false), failed: [{ slot, reason }] },
    });
    const retried = aJob({
      business_id: business.id,
      state: 'succeeded',
      progress: 100,
      result: { ...aCalendarJobResult(1, false), strategy: null },
    });
    serveJobs(api, [partial, retried]);
    const { user, dialog, setWeeks, generate } = renderDialog(business);
    await setWeeks('1');
    await generate();

    expect(await within(dialog).findByRole('heading', { name: '5 of 6 items saved' })).toBeTruthy();
    const notWritten = within(dialog).getByRole('list', { name: 'Items not written' });
    expect(within(notWritten).getByText('May box')).toBeTruthy();
    expect(within(dialog).getAllByText(reason)).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Retry the 1 that failed' }));

    expect(await within(dialog).findByRole('heading', { name: '1 item planned' })).toBeTruthy();
    const [first, second] = api.sent('POST', API.generateCalendar);
    expect(first?.body).not.toHaveProperty('slots');
    expect(second?.body).toMatchObject({ weeks: 1, channels: ['linkedin', 'email'], slots: [slot] });
    expect(new Set(requestKeys(api)).size).toBe(2);
    expect(within(dialog).queryByRole('button', { name: /that failed/ })).toBeNull();
  });

  it('says once, in plain words, why the AI could not make the calendar', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    const detail =
      "The model's answer had posting times we could not read; nothing was saved. Try again or choose another model.";
    serveJobs(fakeApi(), [
      aJob({
        business_id: business.id,
        state: 'dead',
        attempts: 1,
        last_error: `UnrecoverableJobError: ${detail}`,
      }),
    ]);
    const { dialog, generate } = renderDialog(business);
    await generate();

    const failure = await within(dialog).findByRole('alert');
    expect(within(failure).getByText(detail)).toBeTruthy();
    expect(within(dialog).getAllByRole('alert')).toHaveLength(1);
    expect(dialog.textContent).not.toMatch(/items\.0|Invalid string|pattern|Error:/);
  });
});
