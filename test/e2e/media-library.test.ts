import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm } from './support/flows.js';

const env = sharedServerAndBrowser();

// Uploads, renditions and access are covered over HTTP (test/integration/media.routes.test.ts); here the
// browser shows what it stored, under the app's Content-Security-Policy.
describe('Media library', () => {
  it('uploads a picture from the library page and shows its thumbnail', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    await seedBusiness(env.server.url, owner, 'Corner Café');
    const picture = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 90, b: 40 } },
    })
      .jpeg()
      .toBuffer();

    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Corner Café', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Media', exact: true }).click();
    await page.getByRole('heading', { name: 'Media', level: 1 }).waitFor();
    await page
      .getByLabel('Files to upload')
      .setInputFiles({ name: 'terrace.jpg', mimeType: 'image/jpeg', buffer: picture });

    const tile = page.getByRole('list', { name: 'Media' }).getByRole('button', { name: 'terrace.jpg' });
    const thumbnail = tile.locator('img');
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
      .toBeGreaterThan(0);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
