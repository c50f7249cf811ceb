import { AddressInfo } from 'node:net';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import type { INestApplication } from '@nestjs/common';
import { builtConsoleDirectory } from '../../apps/api/src/console/console-files';

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The API listening on a free port, serving the built console: its base URL. */
export async function listen(app: INestApplication): Promise<string> {
  if (!builtConsoleDirectory()) {
    throw new Error('The web console is not built: run `npm run build` (npm test does it first).');
  }
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/** A page that records script errors and failed requests, so a test can say why it failed. */
export async function consolePage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { page, errors };
}

/** Signs in on the console's sign-in form and waits for the dashboard. */
export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}

/**
 * Picks an option of a Mantine Select or MultiSelect by its label, as a person would: opens it
 * and clicks the option, again when a re-render closed the list before the click landed. Where a
 * MultiSelect's pills box lies over its input (and takes the click, as it would a person's), the
 * click is forced through.
 */
export async function choose(
  page: Page,
  scope: Locator,
  label: string,
  option: string,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const choice = page
    .getByRole('listbox', { name: label, exact: true })
    .getByRole('option', { name: option, exact: true });
  for (let attempt = 1; ; attempt += 1) {
    const covered = await box.click({ trial: true, timeout: 1000 }).then(
      () => false,
      () => true,
    );
    await box.click({ force: covered });
    const picked = await choice.click({ timeout: 3000 }).then(
      () => true,
      (error: Error) => {
        if (attempt === 3) throw error;
        return false;
      },
    );
    if (picked) break;
  }
  await page.keyboard.press('Escape');
}
