// The console's tenants view at 1,000 tenants × 5 environments (10,000 deployments), in Chromium:
// the time from navigation to the table rendered (its first rows visible and the total shown),
// p50/p95 over several runs each in a fresh browser context (no HTTP cache, a new sign-in from
// session storage); the time from the End key to the last tenant rendered; the DOM rows; and the
// API behind it (the tenants pages, the filters, the dashboard) p50/p95.
// Run: npm run bench -- web   (BENCH_WEB_RUNS overrides the 10 runs, BENCH_WEB_TENANTS the 1,000)
// Needs PostgreSQL, Redis, a built console (npm run build) and /usr/bin/chromium. Asserts nothing.
import { loadavg } from 'node:os';
import { Browser, chromium } from 'playwright-core';
import { BenchApi, startBenchApi } from '../support/bench-api';
import { matrixTenantName, seedTenantMatrix } from '../support/tenant-matrix';

const TENANTS = Number(process.env.BENCH_WEB_TENANTS ?? 1000);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 10);
const API_REQUESTS = 100;
const PAGE = '/projects/saas/tenants';

const step = {
  containers: [{ name: 'web', image: 'ghcr.io/acme/web', portMappings: [{ containerPort: 8080 }] }],
  task: { cpu: '256', memory: '512' },
  service: {
    desiredCount: 1,
    network: { subnets: ['subnet-0123abcd'], securityGroups: ['sg-0123abcd'] },
  },
};

/** Debian's Chromium, as the browser tests drive it; playwright-core never downloads one. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

function figures(timings: number[]): { p50: number; p95: number } {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

const line = (label: string, { p50, p95 }: { p50: number; p95: number }, extra = '') =>
  console.log(
    `  ${label.padEnd(62)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms${extra}`,
  );

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

interface Load {
  /** From navigation start: the first rows and the total shown. */
  render: number;
  /** From navigation start: the script bundle received. */
  bundle: number;
  /** From navigation start: the first tenants page received. */
  firstPage: number;
  /** From the End key: the last tenant rendered. */
  toEnd: number;
  domRows: number;
}

async function seed(api: BenchApi): Promise<string> {
  for (const name of ['Dev', 'Test', 'Staging', 'UAT', 'Prod'])
    await api.call('POST', '/api/environments', { name });
  await api.call('POST', '/api/projects', {
    name: 'Saas',
    tenancy: 'tenanted',
    targetTags: ['web'],
    step,
  });
  await seedTenantMatrix(api.dataSource, { projectSlug: 'saas', tenants: TENANTS });
  const { body } = await api.call<{ key: string }>('POST', '/api/api-keys', {
    name: 'bench-viewer',
    role: 'viewer',
  });
  return body.key;
}

/**
 * One cold load of the tenants view: milliseconds from navigation start (the page's clock) to a
 * frame with the first tenant's row and the total shown; then from the End key to the last
 * tenant's row; and how many rows the DOM holds then.
 */
async function loadOnce(browser: Browser, base: string, key: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // Signed in as the console keeps it (the page's code runs in the browser: written as text here).
    await context.addInitScript({
      content: `sessionStorage.setItem('gantry.apiKey', ${JSON.stringify(key)})`,
    });
    const page = await context.newPage();
    const total = `${TENANTS.toLocaleString('en')} tenants`;
    await page.goto(`${base}${PAGE}`, { waitUntil: 'commit' });
    const render = await page.waitForFunction(
      `document.querySelector('[data-tenant="${slugOf(1)}"]') &&
       document.querySelector('[data-testid="tenant-total"]')?.textContent === '${total}'
         ? performance.now() : false`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const renderMs = (await render.jsonValue()) as number;
    // Where the time went, on the same clock: the script bundle and the first tenants page in.
    const [bundleMs, firstPageMs] = (await page.evaluate(`(() => {
      const entries = performance.getEntriesByType('resource');
      const end = (match) => Math.max(0, ...entries.filter((e) => match.test(e.name)).map((e) => e.responseEnd));
      return [end(/\\/assets\\/.*\\.js$/), end(/\\/tenants\\?(?!.*after=)/)];
    })()`)) as [number, number];
    await page.getByRole('region', { name: /Tenants and environments/ }).focus();
    const endStarted = (await page.evaluate('performance.now()')) as number;
    await page.keyboard.press('End');
    const end = await page.waitForFunction(
      `document.querySelector('[data-tenant="${slugOf(TENANTS)}"]') ? performance.now() : false`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const toEnd = ((await end.jsonValue()) as number) - endStarted;
    const domRows = await page.locator('tbody tr[data-tenant]').count();
    return { render: renderMs, bundle: bundleMs, firstPage: firstPageMs, toEnd, domRows };
  } finally {
    await context.close();
  }
}

function slugOf(n: number): string {
  return `tenant-${String(n).padStart(String(TENANTS).length, '0')}`;
}

async function measureApi(api: BenchApi, path: string): Promise<{ p50: number; p95: number }> {
  const timings: number[] = [];
  for (let index = 0; index < API_REQUESTS; index += 1)
    timings.push((await api.call('GET', path)).ms);
  return figures(timings);
}

async function main(): Promise<void> {
  console.log(`web: load average at start ${load()}`);
  const api = await startBenchApi();
  let browser: Browser | undefined;
  try {
    const seedStarted = performance.now();
    const key = await seed(api);
    console.log(
      `  seeded 1 project × ${TENANTS} tenants × 5 environments (${TENANTS * 10} deployments) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const first = await api.call<{ next: string }>(
      'GET',
      '/api/dashboard/projects/saas/tenants?limit=100',
    );
    const bytes = (path: string) =>
      api
        .call('GET', path)
        .then(({ body }) => `  ${(JSON.stringify(body).length / 1024).toFixed(0)} KB`);
    for (const [label, path] of [
      [
        "GET …/tenants?limit=50 (the console's first page)",
        '/api/dashboard/projects/saas/tenants?limit=50',
      ],
      [
        'GET …/tenants?limit=500&after= (a following page)',
        `/api/dashboard/projects/saas/tenants?limit=500&after=${first.body.next}`,
      ],
      [
        'GET …/tenants?limit=1000 (every tenant at once)',
        '/api/dashboard/projects/saas/tenants?limit=1000',
      ],
      ['GET …/tenants?tag=tier/gold', '/api/dashboard/projects/saas/tenants?tag=tier/gold'],
      [
        `GET …/tenants?search= (one tenant)`,
        `/api/dashboard/projects/saas/tenants?search=${encodeURIComponent(matrixTenantName(TENANTS - 1, TENANTS))}`,
      ],
      ['GET /api/dashboard?project=saas', '/api/dashboard?project=saas'],
      ['GET /api/dashboard', '/api/dashboard'],
    ] as const)
      line(label, await measureApi(api, path), await bytes(path));

    browser = await launchChromium();
    await loadOnce(browser, api.base, key); // warm-up: the first Chromium start and server JIT
    const runs: Load[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await loadOnce(browser, api.base, key));
    line(
      `tenants page: navigation → first rows + total (${RUNS} cold loads)`,
      figures(runs.map((run) => run.render)),
    );
    line('  of which: navigation → script bundle received', figures(runs.map((run) => run.bundle)));
    line(
      '  of which: navigation → first tenants page received',
      figures(runs.map((run) => run.firstPage)),
    );
    line('tenants page: End key → last tenant rendered', figures(runs.map((run) => run.toEnd)));
    console.log(
      `  rows in the DOM at the end: ${Math.max(...runs.map((run) => run.domRows))} of ${TENANTS}`,
    );
  } finally {
    await browser?.close();
    await api.close();
    console.log(`  load average at end ${load()}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
