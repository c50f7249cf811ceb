import { readFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_KEY } from '../support/api-harness';
import { consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const SCREENSHOTS = 'docs/screenshots';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

jest.setTimeout(180_000);

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Accessibility and layout of the console in Chromium against the real platform: keyboard-only
 * use, a name for every control, WCAG AA contrast in light and dark mode (axe-core's rules), a
 * phone-width layout without sideways scrolling, and the colour scheme.
 */
describe('web console: accessibility and layout in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  let releaseId: string;
  let deploymentId: string;
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('web-console-a11y');
    await seedPlatform(api());
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '1.0.0',
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    releaseId = release.body.id;
    deploymentId = (await deployClient(platform).onlyOf('shop', 'dev', releaseId)).id;
    await eventually(
      async () =>
        (await api().get(`/api/deployments/${deploymentId}`).expect(200)).body.status ===
          'succeeded' || undefined,
      60_000,
      'the dev deployment to succeed',
    );
    await api()
      .post('/api/freezes', {
        name: 'Year end',
        start: '2030-12-20T00:00:00Z',
        end: '2031-01-02T00:00:00Z',
      })
      .expect(201);
    base = await listen(api().app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** The main pages, each with what shows it is loaded. */
  const pages = () => [
    { path: '/', ready: (page: Page) => page.locator('[data-cell="shop/dev"] a').first() },
    {
      path: `/releases/${releaseId}`,
      ready: (page: Page) => page.getByRole('heading', { name: 'Template' }),
    },
    { path: `/deployments/${deploymentId}`, ready: (page: Page) => page.getByText('Log complete') },
    { path: '/projects/shop', ready: (page: Page) => page.getByTestId('releases') },
    { path: '/freezes', ready: (page: Page) => page.getByTestId('freezes') },
    { path: '/subscriptions', ready: (page: Page) => page.getByText('No subscriptions.') },
    { path: '/environments', ready: (page: Page) => page.getByRole('table') },
    { path: '/targets', ready: (page: Page) => page.getByTestId('targets') },
    { path: '/api-keys', ready: (page: Page) => page.getByRole('table') },
  ];

  /** axe-core's verdict on the page (only `rules`), as lines naming each failing element. */
  async function axe(page: Page, rules: string[]): Promise<string[]> {
    if (!(await page.evaluate('typeof axe !== "undefined"')))
      await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(rules)} } }).then((r) => r.violations)`,
    )) as AxeViolation[];
    return violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
      ),
    );
  }

  /** Every visible form control without an accessible name (label, aria-label(ledby), text, title). */
  const unnamedControls = (page: Page) =>
    page.evaluate(`(() => {
      const named = (element) => {
        const labelledBy = (element.getAttribute('aria-labelledby') || '').split(' ')
          .map((id) => document.getElementById(id)?.textContent || '').join('');
        const labels = [...(element.labels || [])].map((label) => label.textContent).join('');
        return [element.getAttribute('aria-label'), labelledBy, labels, element.getAttribute('title'),
          element.tagName === 'BUTTON' ? element.textContent : ''].some((name) => (name || '').trim());
      };
      const visible = (element) => element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== 'hidden';
      return [...document.querySelectorAll('input, button, select, textarea, [role="combobox"], [role="button"]')]
        .filter((element) => element.type !== 'hidden' && visible(element) && !named(element))
        .map((element) => element.outerHTML.slice(0, 160));
    })()`) as Promise<string[]>;

  /**
   * Presses Tab until the focused element is `wanted` ("<role or tag> <name>"), inside the element
   * `inside` selects when given; at most `limit` times.
   */
  async function tabTo(page: Page, wanted: string, inside = 'body', limit = 60): Promise<void> {
    const seen: string[] = [];
    for (let step = 0; step < limit; step += 1) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(`(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return 'body';
        if (!element.closest(${JSON.stringify(inside)})) return 'elsewhere';
        const label = element.labels && element.labels[0] ? element.labels[0].textContent : '';
        const name = label || element.getAttribute('aria-label') || element.textContent || '';
        const role = element.getAttribute('role') || element.tagName.toLowerCase();
        return role + ' ' + name.replace(/ \\*$/, '').trim();
      })()`)) as string;
      seen.push(focused);
      if (focused === wanted) return;
    }
    throw new Error(`Tab never reached '${wanted}'; focus went through:\n${seen.join('\n')}`);
  }

  /**
   * Whether the focused element shows where the focus is: its outline, box shadow or border, or
   * its box's (a password input's border is its wrapper's, through :focus-within), differ from
   * how they look unfocused (blurred for a moment, then focused again).
   */
  const focusVisible = (page: Page) =>
    page.evaluate(`(() => {
      const element = document.activeElement;
      const boxes = [element, element.parentElement];
      // Without transitions, so that a style reads its end value at once.
      for (const node of boxes) node.style.transition = 'none';
      const look = () => boxes.map((node) => {
        const style = getComputedStyle(node);
        return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
          style.borderColor].join('|');
      }).join(' / ');
      const focused = look();
      element.blur();
      const unfocused = look();
      element.focus();
      for (const node of boxes) node.style.transition = '';
      return element !== document.body && focused !== unfocused;
    })()`) as Promise<boolean>;

  /** Whether any of the element is inside the viewport (a collapsed navbar is moved out of it). */
  const inView = async (locator: Locator) => {
    const box = await locator.boundingBox();
    return box !== null && box.x + box.width > 0 && box.y + box.height > 0;
  };

  it('signs in, reaches a release and deploys it with the keyboard only, the focus always visible', async () => {
    const { page, errors } = await consolePage(browser);
    await page.goto(base);
    await page.getByLabel('API key').waitFor();
    await tabTo(page, 'input API key');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type(ADMIN_KEY);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('[data-cell="shop/dev"] a').first().waitFor();

    await tabTo(page, 'a 1.0.0');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Release 1.0.0' }).waitFor();

    const deploy = page.getByRole('form', { name: 'Deploy this release' });
    const deployForm = 'form[aria-label="Deploy this release"]';
    await tabTo(page, 'combobox Environment', deployForm);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await deploy.getByRole('combobox', { name: 'Environment' }).inputValue()).not.toBe('');
    await tabTo(page, 'button Deploy 1.0.0', deployForm);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/deployments\//);
    await page.getByTestId('deployment-status').waitFor();

    // The main navigation, by keyboard too.
    await tabTo(page, 'a Freezes');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Deployment freezes' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names every control on the main pages and in their forms', async () => {
    const { page, errors } = await consolePage(browser);
    await signIn(page, base, ADMIN_KEY);
    const problems: string[] = [];
    const check = async (where: string) => {
      for (const line of await unnamedControls(page)) problems.push(`${where}: ${line}`);
      const rules = ['label', 'button-name', 'link-name', 'select-name', 'aria-input-field-name'];
      for (const line of await axe(page, rules)) problems.push(`${where}: ${line}`);
    };
    for (const { path, ready } of pages()) {
      await page.goto(`${base}${path}`);
      await ready(page).first().waitFor();
      await check(path);
    }
    for (const [path, button] of [
      ['/freezes', 'New freeze'],
      ['/subscriptions', 'New subscription'],
      ['/projects/shop', 'Create release'],
      ['/api-keys', 'New API key'],
    ]) {
      await page.goto(`${base}${path}`);
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('dialog').waitFor();
      await check(`${path} ${button}`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)(
    'keeps body text at WCAG AA contrast on the main pages in %s mode',
    async (colorScheme) => {
      const { page, errors } = await consolePage(browser, { colorScheme });
      await signIn(page, base, ADMIN_KEY);
      expect(await page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(
        colorScheme,
      );
      const problems: string[] = [];
      for (const { path, ready } of pages()) {
        await page.goto(`${base}${path}`);
        await ready(page).first().waitFor();
        for (const line of await axe(page, ['color-contrast'])) problems.push(`${path}: ${line}`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('fits a phone: no sideways scrolling, the navigation behind a burger', async () => {
    const { page, errors } = await consolePage(browser, { width: 375, height: 812 });
    await signIn(page, base, ADMIN_KEY);
    const overflow: string[] = [];
    for (const { path, ready } of pages().slice(0, 3)) {
      await page.goto(`${base}${path}`);
      await ready(page).first().waitFor();
      const [scrollWidth, width] = (await page.evaluate(
        '[document.documentElement.scrollWidth, window.innerWidth]',
      )) as [number, number];
      if (scrollWidth > width) overflow.push(`${path}: ${scrollWidth} px wide in ${width} px`);
    }
    expect(overflow).toEqual([]);

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await inView(nav.getByRole('link', { name: 'Freezes' }))).toBe(false);
    // The folded navigation takes no focus: Tab goes from the header to the page.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const focusedOffScreen: string[] = [];
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      if ((await focused.count()) && !(await inView(focused)))
        focusedOffScreen.push(await focused.innerText());
    }
    expect(focusedOffScreen).toEqual([]);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await nav.getByRole('link', { name: 'Freezes' }).click();
    await page.getByRole('heading', { name: 'Deployment freezes' }).waitFor();
    // Following a link closes the navigation again.
    await eventually(async () =>
      (await inView(nav.getByRole('link', { name: 'Freezes' }))) ? undefined : true,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows the system colour scheme until one is chosen, and keeps the choice', async () => {
    const scheme = (page: Page) => page.locator('html').getAttribute('data-mantine-color-scheme');
    const { page, errors } = await consolePage(browser, { colorScheme: 'dark' });
    await signIn(page, base, ADMIN_KEY);
    expect(await scheme(page)).toBe('dark');
    await page.locator('[data-cell="shop/dev"] a').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-dark.png`, fullPage: true });

    await page.getByRole('button', { name: 'Use light mode' }).click();
    expect(await scheme(page)).toBe('light');
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await scheme(page)).toBe('light');
    // Another tab of the same browser (the session's key is per tab: sign in again).
    const other = await page.context().newPage();
    await signIn(other, base, ADMIN_KEY);
    expect(await scheme(other)).toBe('light');
    await other.getByRole('button', { name: 'Use dark mode' }).click();
    expect(await scheme(other)).toBe('dark');
    await other.reload();
    await other.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await scheme(other)).toBe('dark');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
