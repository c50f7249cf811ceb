import { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_KEY } from '../support/api-harness';
import { choose, consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { createApiKeys, seedPlatform } from '../support/seed';

jest.setTimeout(120_000);

/**
 * Deployment freezes and notification subscriptions in the console (Chromium, the real API):
 * an admin lists, creates (each refused field shown at its input) and deletes them; keys
 * without the role see no button for it, and no subscriptions at all.
 */
describe('web console: freezes and subscriptions in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  const keys: Record<string, string> = {};
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('web-console-admin', { startWorker: false });
    await seedPlatform(api());
    Object.assign(keys, await createApiKeys(api(), { dora: 'deployer', val: 'viewer' }));
    base = await listen(api().app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** The freezes (or subscriptions) the API holds with this name. */
  const named = async (path: string, name: string) =>
    ((await api().get(path).expect(200)).body.items as { name: string }[]).filter(
      (item) => item.name === name,
    );

  /**
   * The input labelled `label` (Mantine adds ` *` to the label of a required one; a select's
   * option list, labelled by it too, comes after it).
   */
  const input = (scope: Page | Locator, label: string) =>
    scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).first();
  /** The error Mantine shows under the input labelled `label` (its `…-error` description). */
  const errorAt = async (page: Page, label: string) => {
    const field = input(page, label);
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    const errorId = ids.find((id) => id.endsWith('-error'));
    return {
      invalid: await field.getAttribute('aria-invalid'),
      text: errorId ? await page.locator(`#${errorId}`).textContent() : null,
    };
  };

  it('lets an admin create a freeze, showing the refused fields first, and delete it', async () => {
    const { page, errors } = await consolePage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, base, ADMIN_KEY);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Freezes' })
      .click();
    await page.getByRole('heading', { name: 'Deployment freezes' }).waitFor();

    await page.getByRole('button', { name: 'New freeze' }).click();
    const form = page.getByRole('form', { name: 'New freeze' });
    await input(form, 'Name').fill('Release weekend');
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByRole('alert').filter({ hasText: 'The freeze is invalid.' }).waitFor();
    expect(await errorAt(page, 'Start')).toEqual({
      invalid: 'true',
      text: 'a freeze needs start and end, or a recurrence',
    });

    await input(form, 'Start').fill('2030-06-01T18:00');
    await input(form, 'End').fill('2030-06-03T06:00');
    await choose(page, form, 'Environments', 'Prod');
    await form.getByRole('button', { name: 'Create' }).click();
    const row = page.getByTestId('freezes').getByRole('row').filter({ hasText: 'Release weekend' });
    await row.waitFor();
    expect(await row.innerText()).toContain('every project; prod; every tenant');
    expect(await named('/api/freezes', 'Release weekend')).toMatchObject([
      { environments: [{ slug: 'prod' }], recurrence: null },
    ]);

    await page.getByRole('button', { name: 'Delete Release weekend' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await named('/api/freezes', 'Release weekend')).toEqual([]);
    expect(errors.filter((error) => !/400/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('creates a weekly freeze, the refused recurrence fields shown at their inputs', async () => {
    const { page, errors } = await consolePage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, base, ADMIN_KEY);
    await page.goto(`${base}/freezes`);
    await page.getByRole('button', { name: 'New freeze' }).click();
    const form = page.getByRole('form', { name: 'New freeze' });
    await input(form, 'Name').fill('Friday afternoons');
    await form.getByText('Weekly', { exact: true }).click();
    await choose(page, form, 'Days', 'fri');
    await input(form, 'From').fill('25:00');
    await input(form, 'To').fill('24:00');
    await input(form, 'Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByRole('alert').waitFor();
    expect((await errorAt(page, 'From')).text).toBe('must be a time HH:MM');
    expect((await errorAt(page, 'Time zone')).text).toBe("'Mars/Olympus' is not an IANA time zone");
    expect((await errorAt(page, 'To')).invalid).not.toBe('true');

    await input(form, 'From').fill('14:00');
    await input(form, 'Time zone').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Create' }).click();
    await page
      .getByTestId('freezes')
      .getByRole('cell', { name: 'fri 14:00–24:00 (Europe/Berlin)', exact: true })
      .waitFor();
    expect(await named('/api/freezes', 'Friday afternoons')).toMatchObject([
      {
        recurrence: { kind: 'weekly', days: ['fri'], from: '14:00', to: '24:00' },
        timeZone: 'Europe/Berlin',
      },
    ]);
    await page.getByRole('button', { name: 'Delete Friday afternoons' }).click();
    await page
      .getByRole('button', { name: 'Delete Friday afternoons' })
      .waitFor({ state: 'detached' });
    expect(await named('/api/freezes', 'Friday afternoons')).toEqual([]);
    expect(errors.filter((error) => !/400/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('lets an admin subscribe a webhook, showing each refused field at its input, and delete it', async () => {
    const { page, errors } = await consolePage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, base, ADMIN_KEY);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Subscriptions' })
      .click();
    await page.getByRole('heading', { name: 'Notification subscriptions' }).waitFor();

    await page.getByRole('button', { name: 'New subscription' }).click();
    const form = page.getByRole('form', { name: 'New subscription' });
    await input(form, 'Name').fill('Prod failures');
    await input(form, 'URL').fill('not a url');
    await input(form, 'Signing secret').fill('short');
    await form.getByRole('button', { name: 'Create' }).click();
    await form.getByRole('alert').waitFor();
    expect((await errorAt(page, 'URL')).invalid).toBe('true');
    expect((await errorAt(page, 'Signing secret')).text).toBe('must be at least 16 characters');
    expect((await errorAt(page, 'Events')).text).toBe('name at least one event');

    await choose(page, form, 'Events', 'deployment.failed');
    await input(form, 'URL').fill('https://ops.example.com/hooks/gantry?token=abc');
    await input(form, 'Signing secret').fill('a-signing-secret-of-16+');
    await form.getByRole('button', { name: 'Create' }).click();
    const table = page.getByTestId('subscriptions');
    await table.getByRole('cell', { name: 'Prod failures', exact: true }).waitFor();
    // The URL's token is never shown again.
    expect(await table.innerText()).toContain('https://ops.example.com/********');
    expect(await table.innerText()).not.toContain('token=abc');

    await page.getByRole('button', { name: 'Delete Prod failures' }).click();
    await page.getByRole('button', { name: 'Delete Prod failures' }).waitFor({ state: 'detached' });
    expect(await named('/api/subscriptions', 'Prod failures')).toEqual([]);
    expect(errors.filter((error) => !/400/.test(error))).toEqual([]);
    await page.context().close();
  });

  it.each(['dora', 'val'])(
    'shows %s (no admin) the freezes without buttons, and no subscriptions',
    async (name) => {
      await api()
        .post('/api/freezes', {
          name: `Freeze for ${name}`,
          start: '2030-01-01T00:00:00Z',
          end: '2030-01-02T00:00:00Z',
        })
        .expect(201);
      const { page, errors } = await consolePage(browser);
      await signIn(page, base, keys[name]);
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Subscriptions' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Freezes' }).click();
      await page
        .getByTestId('freezes')
        .getByRole('cell', { name: `Freeze for ${name}`, exact: true })
        .waitFor();
      expect(await page.getByRole('button', { name: 'New freeze' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);

      await page.goto(`${base}/subscriptions`);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      expect(await page.getByRole('button', { name: 'New subscription' }).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
