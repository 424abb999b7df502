/**
 * `npm run bench:ui [-- --runs 5 --users 100000 --step 100 --trace]` (`--trace`: each bridge call's time in main)
 *
 * The window's speed on a large instance: the built renderer (built first if its sources are newer,
 * as the e2e global setup does) in the e2e harness's Chromium (Debian's /usr/bin/chromium,
 * headless, the flags of playwright.config.ts, 1280×800), its `window.clerkAdmin` bound as the e2e
 * fixture binds it (`exposeBinding` + the page-bridge bundle) to the real services
 * (createAppServices: temp userData, an in-memory secret store) and their built-in Sandbox, whose
 * folder is seeded beforehand with `--users` users (a Sandbox seeds only on its first start, so the
 * app's one opens that data as it is; its rate limit is off). Each run reloads the page, opens
 * Users and measures, in the page (performance.now, requestAnimationFrame):
 *
 * - page500_ms: from the `click` event on "500" in the pager's page-size menu (the event's
 *   `timeStamp`) to 500 painted rows. "Painted" is the first animation frame whose rAF callback
 *   sees the users view idle (`data-loading="false"`), the pager saying "1–500 of", the virtual
 *   list laid out for 500 rows (its scroll height at least 90 % of 500 × 49 px: only the new page
 *   can be that tall, as the previous 25 rows stay shown while it loads) and user rows in it; the
 *   time is taken in a task posted from that callback, which runs once the main thread's part of
 *   that frame (style, layout, paint recording) is done; rasterising and display by the
 *   compositor follow and are not counted. Printed with its parts: the users:list call's round
 *   trip through the bridge (main's handler, Sandbox included, given on its own) and the rendering
 *   after the answer arrived. The round trip here is Playwright's binding over CDP, the harness's
 *   stand-in for Electron's IPC, and it dominates with 500 users in one answer.
 * - scroll_p95_ms / scroll_max_ms: the table's scroll container (the virtual list) is scrolled from
 *   the top to the bottom by `--step` px in each rAF callback; the intervals between consecutive
 *   rAF timestamps (one per frame: 16.7 ms when every frame makes it at 60 Hz) give the p95 and the
 *   longest. Printed with the renderer main thread's CPU time per frame (CDP Performance metrics
 *   in thread time), which other load on the machine disturbs much less than frame intervals.
 * - baseline_scroll_p95_ms: in the same run and page, a plain static <table> of the same 500 rows
 *   (each cell's text as the Users table rendered it, read in a separate, unmeasured pass; the same
 *   column widths and row height) in a fixed-height scrolling div over the table's scroll
 *   container, same size and place, scrolled the same way.
 * - open_user_ms: from the `click` event on the first row's name to the first painted frame (as
 *   above) in which the active tab shows that user (`user-detail` of its id) with its name heading
 *   (`user-detail-name`). The tab is closed again before the next run, so every run starts alike.
 *
 * Prints every run, the medians (of each figure on its own), the core count and load average, the
 * ratio of the table's scroll p95 to the plain table's against the target (within 1.5×), and ends
 * with one JSON line
 * `{"page500_ms":…,"scroll_p95_ms":…,"scroll_max_ms":…,"baseline_scroll_p95_ms":…,"open_user_ms":…}`.
 * Every wait has a timeout and the whole run a deadline; the page reaches nothing but 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { startSandbox } from '../../electron/services/sandbox';
import { buildPageBridge, buildRenderer, rendererIsStale } from '../../test/e2e/harness/build';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/harness/chromium';
import { PAGE_BRIDGE_BUNDLE, RENDERER_OUT } from '../../test/e2e/harness/paths';
import { serveStatic, type StaticServer } from '../../test/e2e/harness/static-server';
import { ShellPage } from '../../test/e2e/pages/shell-page';
import { UsersPage } from '../../test/e2e/pages/users-page';
import { MemorySecretStore } from '../../test/support/memory-secret-store';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    users: { type: 'string', default: '100000' },
    step: { type: 'string', default: '100' },
    trace: { type: 'boolean', default: false },
  },
});
const RUNS = positive('runs', values.runs);
const USERS = positive('users', values.users);
const STEP_PX = positive('step', values.step);
const PAGE_SIZE = 500;
/** The row height the Users table's virtual list plans with (ROW_HEIGHT in UsersView.vue). */
const ROW_HEIGHT = 49;
const TARGET_RATIO = 1.5;
/** One wait in the page (a page of 500, a scroll, a tab). */
const WAIT_MS = 60_000;
/** The whole benchmark, seeding included. */
const DEADLINE_MS = 20 * 60_000;

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} needs a positive whole number`);
  return number;
}

/**
 * The page-side half, as source text: tsx keeps function names with a helper that does not exist
 * in the page, so functions cannot be handed to `page.evaluate` directly.
 */
const PAGE_HELPERS = String.raw`
window.__uiBench = (() => {
  const ROW_HEIGHT = ${ROW_HEIGHT};
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const usersView = () => document.querySelector('[data-testid="tab-panel"][data-active="true"] [data-testid="users-view"]');
  const scroller = () => usersView()?.querySelector('[data-testid="users-table"] .v-vl') ?? null;

  // Resolves with performance.now() after the rendering of the first frame whose rAF callback sees check() true.
  function paintedWhen(check, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      const tick = () => {
        let ok;
        try { ok = check(); } catch (error) { reject(error); return; }
        if (ok) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { channel.port1.close(); resolve(performance.now()); };
          channel.port2.postMessage(0);
        } else if (performance.now() > deadline) reject(new Error('timed out waiting for ' + what));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  // Starts timing at the next click inside an element matching selector; the result is left in pending.
  function armClick(selector, check, what) {
    let started;
    const pending = new Promise((resolve, reject) => {
      const onClick = (event) => {
        if (!(event.target instanceof Element) || !event.target.closest(selector)) return;
        document.removeEventListener('click', onClick, true);
        started = event.timeStamp;
        window.__uiBench.clickedAt = started;
        paintedWhen(check, ${WAIT_MS}, what).then((end) => resolve({ clicked: started, painted: end }), reject);
      };
      document.addEventListener('click', onClick, true);
      setTimeout(() => { document.removeEventListener('click', onClick, true); reject(new Error('no click on ' + selector)); }, ${WAIT_MS});
    });
    pending.catch(() => {});
    return pending;
  }

  function percentile(sorted, p) {
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }

  // Scrolls el from the top to the bottom, step px per frame; the rAF intervals meanwhile.
  async function scrollFrames(el, step) {
    el.scrollTop = 0;
    for (let i = 0; i < 5; i++) await frame();
    return new Promise((resolve, reject) => {
      const deadline = performance.now() + ${WAIT_MS};
      const times = [];
      const tick = (time) => {
        times.push(time);
        const max = el.scrollHeight - el.clientHeight;
        if (el.scrollTop >= max - 1) {
          const intervals = times.slice(1).map((t, i) => t - times[i]);
          const sorted = [...intervals].sort((a, b) => a - b);
          resolve({ frames: intervals.length, p95: percentile(sorted, 95), max: sorted[sorted.length - 1], height: el.scrollHeight });
          return;
        }
        if (performance.now() > deadline) { reject(new Error('the scroll did not reach the bottom')); return; }
        el.scrollTop = Math.min(max, el.scrollTop + step);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  return {
    armPage500(size) {
      this.page500 = armClick('.n-base-select-option', () => {
        const view = usersView();
        const list = scroller();
        const range = view?.querySelector('[data-testid="pager-range"]')?.textContent ?? '';
        return view?.getAttribute('data-loading') === 'false' && range.includes('1–' + size.toLocaleString('en-US') + ' of')
          && list !== null && list.scrollHeight >= 0.9 * size * ROW_HEIGHT && list.querySelector('[data-testid="user-row"]') !== null;
      }, 'a painted page of ' + size);
    },
    armOpenUser(userId, name) {
      this.openUser = armClick('[data-testid="user-row"]', () => {
        const detail = document.querySelector('[data-testid="tab-panel"][data-active="true"] [data-testid="user-detail"]');
        return detail?.getAttribute('data-user-id') === userId && detail.querySelector('[data-testid="user-detail-name"]')?.textContent?.trim() === name;
      }, 'the tab of ' + userId);
    },
    scrollTable(step) {
      const el = scroller();
      if (!el) throw new Error('no virtual list in the Users table');
      return scrollFrames(el, step);
    },
    // The text of every row as the table rendered it (an unmeasured pass, a screenful per frame).
    async harvest(size) {
      const el = scroller();
      const rows = new Map();
      let widths = [];
      el.scrollTop = 0;
      const deadline = performance.now() + ${WAIT_MS};
      while (performance.now() < deadline) {
        await frame();
        await frame();
        for (const tr of el.querySelectorAll('tr[data-testid="user-row"]')) {
          const index = Number(tr.getAttribute('data-row-index'));
          if (!rows.has(index)) rows.set(index, [...tr.children].map((td) => td.innerText.trim()));
          if (widths.length === 0) {
            widths = [...tr.children].map((td) => td.getBoundingClientRect().width);
            this.rowHeight = tr.getBoundingClientRect().height;
          }
        }
        if (rows.size >= size || el.scrollTop >= el.scrollHeight - el.clientHeight - 1) break;
        el.scrollTop += Math.max(ROW_HEIGHT, el.clientHeight - ROW_HEIGHT);
      }
      this.rows = [...rows.keys()].sort((a, b) => a - b).map((index) => rows.get(index));
      this.widths = widths;
      el.scrollTop = 0;
      return this.rows.length;
    },
    // A plain static table of the harvested rows, in a scrolling div over the table's scroll container.
    buildBaseline() {
      const rect = scroller().getBoundingClientRect();
      const box = document.createElement('div');
      box.id = 'ui-bench-baseline';
      box.style.cssText = 'position:fixed;overflow:auto;z-index:100000;background:#fff;color:#222;font:13px system-ui,sans-serif;'
        + 'left:' + rect.left + 'px;top:' + rect.top + 'px;width:' + rect.width + 'px;height:' + rect.height + 'px';
      const table = document.createElement('table');
      table.style.cssText = 'border-collapse:collapse;table-layout:fixed;width:' + this.widths.reduce((a, b) => a + b, 0) + 'px';
      const colgroup = document.createElement('colgroup');
      for (const width of this.widths) {
        const col = document.createElement('col');
        col.style.width = width + 'px';
        colgroup.append(col);
      }
      table.append(colgroup);
      const body = document.createElement('tbody');
      for (const cells of this.rows) {
        const tr = document.createElement('tr');
        tr.style.height = this.rowHeight + 'px';
        for (const text of cells) {
          const td = document.createElement('td');
          td.style.cssText = 'padding:0 8px;border-bottom:1px solid #eee;white-space:pre;overflow:hidden;text-overflow:ellipsis;line-height:1.25';
          td.textContent = text;
          tr.append(td);
        }
        body.append(tr);
      }
      table.append(body);
      box.append(table);
      document.body.append(box);
      return frame().then(frame);
    },
    scrollBaseline(step) {
      return scrollFrames(document.getElementById('ui-bench-baseline'), step);
    },
    removeBaseline() {
      document.getElementById('ui-bench-baseline')?.remove();
    },
    // Scrolls the table back to the top and resolves once its first row is painted.
    toTop() {
      scroller().scrollTop = 0;
      return paintedWhen(() => scroller()?.querySelector('tr[data-row-index="0"]') !== null, ${WAIT_MS}, 'the first row');
    },
  };
})();
`;

/**
 * When each bridge call left the page and its answer came back (the page's clock), to split the
 * measured times into the bridge's round trip and the rendering after it. A pass-through.
 */
const CALL_LOG = String.raw`
{
  const invoke = window.__clerkAdminInvoke;
  window.__uiBenchCalls = [];
  window.__clerkAdminInvoke = async (channel, input) => {
    const call = { channel, limit: input?.limit, sent: performance.now(), back: null };
    window.__uiBenchCalls.push(call);
    try { return await invoke(channel, input); } finally { call.back = performance.now(); }
  };
}
`;

interface PageCall {
  channel: string;
  limit?: number;
  sent: number;
  back: number | null;
}

interface ScrollResult {
  frames: number;
  p95: number;
  max: number;
  height: number;
}

interface Timed {
  clicked: number;
  painted: number;
}

interface RunResult {
  page500_ms: number;
  /** Of page500_ms: the users:list call's round trip through the bridge (main's handler included). */
  page500_bridge_ms: number;
  /** Of page500_bridge_ms: the handler's time in main (the Sandbox's answer over HTTP included). */
  page500_main_ms: number;
  /** Of page500_ms: from the answer's arrival in the page to the painted frame. */
  page500_render_ms: number;
  scroll_p95_ms: number;
  scroll_max_ms: number;
  /** The renderer main thread's CPU time per frame while scrolling (thread time, so less sensitive to other load). */
  scroll_cpu_ms: number;
  baseline_scroll_p95_ms: number;
  baseline_scroll_max_ms: number;
  baseline_cpu_ms: number;
  open_user_ms: number;
  open_user_bridge_ms: number;
  open_user_main_ms: number;
  scroll_frames: number;
  baseline_frames: number;
}

/** The first bridge call matching `match` sent after `after` (page clock), once answered. */
async function callAfter(page: Page, after: number, match: (call: PageCall) => boolean): Promise<PageCall> {
  const calls = await inPage<PageCall[]>(page, 'window.__uiBenchCalls');
  const call = calls.find((c) => c.sent >= after && match(c));
  if (!call || call.back === null) throw new Error('the expected bridge call was not made or not answered');
  return call;
}

function describe(r: RunResult): string {
  const ms = (value: number) => `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
  return [
    `page of 500 ${ms(r.page500_ms)} (bridge round trip ${ms(r.page500_bridge_ms)}, of it main ${ms(r.page500_main_ms)}; then rendering ${ms(r.page500_render_ms)})`,
    `table scroll p95 ${ms(r.scroll_p95_ms)}, max ${ms(r.scroll_max_ms)}, main-thread CPU ${ms(r.scroll_cpu_ms)}/frame (${r.scroll_frames} frames)`,
    `plain table p95 ${ms(r.baseline_scroll_p95_ms)}, max ${ms(r.baseline_scroll_max_ms)}, CPU ${ms(r.baseline_cpu_ms)}/frame (${r.baseline_frames} frames)`,
    `open user ${ms(r.open_user_ms)} (bridge ${ms(r.open_user_bridge_ms)}, main ${ms(r.open_user_main_ms)})`,
  ].join('; ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Runs `evaluate` of an expression in the page, bounded in time (a hung page would wait forever). */
async function inPage<T>(page: Page, expression: string, timeoutMs = WAIT_MS + 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      page.evaluate(expression) as Promise<T>,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out in the page: ${expression}`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until no bridge call is in flight (a tab's save before a reload), bounded. */
async function settled(pending: () => number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (pending() > 0) {
    if (Date.now() > deadline) throw new Error('bridge calls still in flight');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs a scroll and adds the main thread's CPU time per frame meanwhile (CDP Performance metrics in thread time). */
async function withCpu(cdp: CDPSession, scroll: () => Promise<ScrollResult>): Promise<ScrollResult & { cpuPerFrame: number }> {
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  const before = await taskSeconds();
  const result = await scroll();
  const after = await taskSeconds();
  return { ...result, cpuPerFrame: ((after - before) * 1000) / result.frames };
}

interface MainCall {
  channel: string;
  limit?: number;
  ms: number;
}

/** What the benchmark sees of main: calls in flight, and each handled call's time in main. */
interface MainSide {
  pending: () => number;
  handled: MainCall[];
}

/** The time in main of the last handled call matching `match`. */
function lastHandled(main: MainSide, match: (call: MainCall) => boolean): number {
  const call = main.handled.findLast(match);
  if (!call) throw new Error('the expected call did not reach main');
  return call.ms;
}

async function oneRun(page: Page, cdp: CDPSession, main: MainSide): Promise<RunResult> {
  const shell = new ShellPage(page);
  const users = new UsersPage(page);
  await settled(main.pending);
  await page.reload();
  await page.getByTestId('side-nav').waitFor();
  await shell.openSection('users');
  // The default page (25 rows) first, so the measurement is the change to 500 alone.
  await users.rows.first().waitFor();
  await users.idle();

  await inPage(page, `window.__uiBench.armPage500(${PAGE_SIZE})`);
  await users.root.getByTestId('pager-size').click();
  await page.locator('.n-base-select-option').filter({ hasText: new RegExp(`^${PAGE_SIZE}$`) }).click();
  const page500 = await inPage<Timed>(page, 'window.__uiBench.page500');
  const listCall = await callAfter(page, page500.clicked, (call) => call.channel === 'users:list' && call.limit === PAGE_SIZE);

  const scroll = await withCpu(cdp, () => inPage<ScrollResult>(page, `window.__uiBench.scrollTable(${STEP_PX})`));
  const harvested = await inPage<number>(page, `window.__uiBench.harvest(${PAGE_SIZE})`);
  if (harvested !== PAGE_SIZE) throw new Error(`read ${harvested} rows from the table, not ${PAGE_SIZE}`);
  await inPage(page, 'window.__uiBench.buildBaseline()');
  const baseline = await withCpu(cdp, () => inPage<ScrollResult>(page, `window.__uiBench.scrollBaseline(${STEP_PX})`));
  await inPage(page, 'window.__uiBench.removeBaseline()');

  await inPage(page, 'window.__uiBench.toTop()');
  const first = users.root.locator('[data-testid="user-row"][data-row-index="0"]');
  const userId = (await first.getAttribute('data-user-id'))!;
  const name = (await first.getByTestId('user-name').textContent())!.trim();
  await inPage(page, `window.__uiBench.armOpenUser(${JSON.stringify(userId)}, ${JSON.stringify(name)})`);
  await first.getByTestId('user-name').click();
  const openUser = await inPage<Timed>(page, 'window.__uiBench.openUser');
  const getCall = await callAfter(page, openUser.clicked, (call) => call.channel === 'users:get');
  // Each run starts from the same tabs: the user's tab is closed again (and saved) before the next reload.
  await shell.activeTab.getByTestId('tab-close').click();
  await page.locator('[data-testid="tab"][data-active="true"][data-tab-key="section:users"]').waitFor();

  return {
    page500_ms: page500.painted - page500.clicked,
    page500_bridge_ms: listCall.back! - listCall.sent,
    page500_main_ms: lastHandled(main, (call) => call.channel === 'users:list' && call.limit === PAGE_SIZE),
    page500_render_ms: page500.painted - listCall.back!,
    scroll_p95_ms: scroll.p95,
    scroll_max_ms: scroll.max,
    scroll_cpu_ms: scroll.cpuPerFrame,
    baseline_scroll_p95_ms: baseline.p95,
    baseline_scroll_max_ms: baseline.max,
    baseline_cpu_ms: baseline.cpuPerFrame,
    open_user_ms: openUser.painted - openUser.clicked,
    open_user_bridge_ms: getCall.back! - getCall.sent,
    open_user_main_ms: lastHandled(main, (call) => call.channel === 'users:get'),
    scroll_frames: scroll.frames,
    baseline_frames: baseline.frames,
  };
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await Promise.resolve().then(step).catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  };
  const watchdog = setTimeout(() => {
    console.error(`bench:ui: not done after ${DEADLINE_MS / 60_000} min, giving up`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  watchdog.unref();

  console.log(`UI benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  try {
    if (process.env.E2E_REBUILD === '1' || rendererIsStale()) {
      console.log('Building the renderer (sources newer than out/renderer)…');
      await buildRenderer();
    }
    await buildPageBridge();

    const tempDir = mkdtempSync(join(tmpdir(), 'clerk-admin-bench-ui-'));
    cleanups.push(() => rmSync(tempDir, { recursive: true, force: true }));
    const userDataDir = join(tempDir, 'userData');
    delete process.env.SANDBOX_REQUEST_LOG;

    // The Sandbox's folder is seeded here first; the app's Sandbox then opens it as it is (a
    // Sandbox seeds only on its first start), with the rate limit off so the runs are not throttled.
    const seedStarted = performance.now();
    const seeding = await startSandbox({ dataDir: join(userDataDir, 'sandbox'), port: 0, seedUsers: USERS, rateLimit: false });
    await seeding.close();
    console.log(`Seeded ${USERS.toLocaleString('en-US')} users in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const services: AppServices = await createAppServices({ userDataDir, secrets: new MemorySecretStore(), appVersion: '0.1.0-bench' });
    cleanups.push(() => services.close());
    if (services.startupProblems.length > 0) throw new Error(`the services started with problems: ${services.startupProblems.join('; ')}`);
    const server: StaticServer = await serveStatic(RENDERER_OUT);
    cleanups.push(() => server.close());

    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: WAIT_MS });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    let inFlight = 0;
    const handled: MainCall[] = [];
    // As the e2e fixture binds it: the page's bridge reaches the real handler table.
    await page.exposeBinding('__clerkAdminInvoke', async (_source, channel: string, input: unknown) => {
      inFlight += 1;
      const started = performance.now();
      try {
        return await services.dispatch(channel, input);
      } finally {
        inFlight -= 1;
        const ms = performance.now() - started;
        handled.push({ channel, limit: (input as { limit?: number } | undefined)?.limit, ms });
        if (values.trace) console.log(`    [trace] ${channel} ${ms.toFixed(0)} ms in main`);
      }
    });
    await page.addInitScript({ path: PAGE_BRIDGE_BUNDLE });
    await page.addInitScript({ content: PAGE_HELPERS });
    await page.addInitScript({ content: CALL_LOG });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(server.url);

    console.log(`Chromium ${browser.version()}, 1280×800; scrolling ${STEP_PX} px per frame; ${RUNS} runs`);
    const runs: RunResult[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const result = await oneRun(page, cdp, { pending: () => inFlight, handled });
      if (problems.length > 0) throw new Error(`the page logged errors:\n${problems.join('\n')}`);
      runs.push(result);
      console.log(`  run ${run}: ${describe(result)}`);
    }

    const med = (key: keyof RunResult) => median(runs.map((r) => r[key]));
    const medians = Object.fromEntries(Object.keys(runs[0]).map((key) => [key, med(key as keyof RunResult)])) as unknown as RunResult;
    const summary = {
      page500_ms: Math.round(medians.page500_ms),
      scroll_p95_ms: round1(medians.scroll_p95_ms),
      scroll_max_ms: round1(medians.scroll_max_ms),
      baseline_scroll_p95_ms: round1(medians.baseline_scroll_p95_ms),
      open_user_ms: Math.round(medians.open_user_ms),
    };
    const ratio = summary.scroll_p95_ms / summary.baseline_scroll_p95_ms;
    console.log(`Medians of ${RUNS} runs (each figure its own median): ${describe(medians)}`);
    console.log(`Table/plain scroll p95: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(`${cpus().length} cores; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    await cleanup();
    console.log(JSON.stringify(summary));
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
