/**
 * Browser tests with playwright-core and Debian's Chromium: its headless
 * shell where installed (the lighter build that Playwright itself runs
 * headless tests in; the suite takes about 30 % less time), else the
 * full browser. Without either the tests are skipped on a developer machine
 * and FAIL under CI (`CI` set), where `.ci/run` installs both.
 */
import {
  type Browser,
  chromium,
  type ConsoleMessage,
  type Page,
} from "playwright-core";
import { serverClosed } from "./closed_servers.ts";

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** Debian's full Chromium (`CHROMIUM_PATH` overrides): what benchmarks measure. */
export const FULL_CHROMIUM_PATH = Deno.env.get("CHROMIUM_PATH") ??
  "/usr/bin/chromium";

const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";

/** The Chromium the tests run in (`CHROMIUM_PATH` overrides). */
export const CHROMIUM_PATH = Deno.env.get("CHROMIUM_PATH") ??
  (exists(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH);

/** Whether browser tests are skipped: no Chromium here, and not under CI. */
export const browserTestsSkipped = !exists(CHROMIUM_PATH) &&
  !Deno.env.get("CI");

/** The flags this machine's closed network and root user need. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches headless Chromium (with a fresh profile, as playwright makes one
 * per launch): the tests' one unless `executablePath` names another.
 */
export function launchBrowser(
  { executablePath = CHROMIUM_PATH }: { executablePath?: string } = {},
): Promise<Browser> {
  if (!exists(executablePath)) {
    throw new Error(
      `Chromium is missing at ${executablePath}: install it with "apt-get install -y chromium chromium-headless-shell" or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

let shared: Promise<Browser> | undefined;
let closeRegistered = false;

/**
 * This test module's Chromium: launched by its first browser test, reused by
 * the next (each in a fresh context), closed after the module's last test.
 */
async function moduleBrowser(): Promise<Browser> {
  const browser = await shared?.catch(() => undefined);
  // A browser that crashed or failed to start is replaced, not reused.
  if (browser?.isConnected()) return browser;
  shared = launchBrowser();
  return await shared;
}

/** A request refused because the test had closed its server by then. */
function refusedAfterClose(msg: ConsoleMessage): boolean {
  return msg.text().includes("net::ERR_CONNECTION_REFUSED") &&
    serverClosed(msg.location().url);
}

/** What a browser test receives. */
export interface BrowserTestContext {
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
}

/**
 * Prints what a failed test's page showed (its address, accessibility tree
 * and errors) and saves a screenshot: in CI the log is all there is to go on.
 */
async function describePage(
  page: Page,
  name: string,
  errors: string[],
): Promise<void> {
  try {
    const file = name.replace(/[^\w-]+/g, "-").slice(0, 80);
    const path = `test-results/failures/${file}.png`;
    await Deno.mkdir("test-results/failures", { recursive: true });
    await page.screenshot({ path, timeout: 5_000 });
    const tree = await page.locator("body").ariaSnapshot({ timeout: 5_000 });
    console.error(
      `The page of "${name}" at ${page.url()} (screenshot: ${path}):\n` +
        tree.slice(0, 6_000) +
        (errors.length ? `\nIts errors:\n${errors.join("\n")}` : ""),
    );
  } catch (error) {
    console.error(`The page of "${name}" could not be described: ${error}`);
  }
}

/**
 * Registers a browser test: a fresh context and page in the module's shared
 * Chromium, closed afterwards; the test fails if the page logged an error or
 * threw (but for a refused connection to a server the test had closed).
 */
export function browserTest(
  name: string,
  fn: (ctx: BrowserTestContext) => Promise<void>,
  options: {
    allowErrors?: boolean;
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
    /** Default {@link TIME_LIMIT_MS}. */
    timeLimitMs?: number;
  } = {},
): void {
  if (!closeRegistered) {
    closeRegistered = true;
    Deno.test.afterAll(async () => {
      const browser = await shared?.catch(() => undefined);
      await browser?.close();
    });
  }
  Deno.test({
    name,
    ignore: browserTestsSkipped,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const browser = await moduleBrowser();
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 860 },
        locale: "en-US",
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        const errors: string[] = [];
        page.on("console", (msg: ConsoleMessage) => {
          if (msg.type() === "error" && !refusedAfterClose(msg)) {
            errors.push(msg.text());
          }
        });
        page.on("pageerror", (error: Error) => errors.push(error.message));
        await withTimeLimit(
          fn({ browser, page, errors }),
          options.timeLimitMs ?? TIME_LIMIT_MS,
        ).catch(async (error) => {
          await describePage(page, name, errors);
          throw error;
        });
        if (!options.allowErrors && errors.length) {
          throw new Error(`The page logged errors:\n${errors.join("\n")}`);
        }
      } finally {
        // A route handler still fetching when the context closes would
        // throw outside the test, and Deno's runner then loses the module's
        // results (and fails the run with "0 failed" in its summary).
        // A context that is already gone must not hide the test's error.
        for (const page of context.pages()) {
          await page.unrouteAll({ behavior: "ignoreErrors" }).catch(() => {});
        }
        await context.unrouteAll({ behavior: "ignoreErrors" }).catch(() => {});
        await context.close();
      }
    },
  });
}

/**
 * The longest a browser test may run (the slowest takes a few seconds): a
 * wait with no time limit of its own that never ends (a response body that
 * never finishes, a promise nobody settles) fails the test instead of
 * holding the whole run until CI gives up.
 */
export const TIME_LIMIT_MS = 60_000;

async function withTimeLimit(run: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `The test ran longer than ${
              ms / 1000
            } s and was stopped: one of its waits never ended`,
          ),
        ),
      ms,
    );
  });
  try {
    await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
    // Closing the context ends the abandoned waits: their errors are moot.
    run.catch(() => {});
  }
}

/**
 * Waits until every island of the page is interactive, the way any Fresh
 * 1.x runtime shows it: reviving an island takes its `<!--frsh-…-->`
 * marker comments out of the DOM (lib/fresh also sets `data-islands="ready"`
 * on `<html>` once it has revived them). Real Fresh then renders each island
 * in a task of its own, and Preact runs effects (document-wide shortcuts,
 * restored settings) after the next frame: a background task and two frames
 * later all of that has run.
 */
export async function waitForIslands(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.islands === "ready") return true;
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_COMMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/^\/?frsh-/.test((node as Comment).data)) return false;
    }
    return true;
  });
  await page.evaluate(async () => {
    const scheduler = (globalThis as {
      scheduler?: {
        postTask(task: () => void, options: { priority: string }): unknown;
      };
    }).scheduler;
    await new Promise<void>((resolve) =>
      scheduler
        ? scheduler.postTask(resolve, { priority: "background" })
        : setTimeout(resolve)
    );
    for (let frame = 0; frame < 2; frame++) {
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => setTimeout(resolve))
      );
    }
  });
  // lib/fresh loads the client navigation after the islands (real Fresh
  // has it in its runtime): once it runs, links navigate in place, and no
  // late request reaches a server the test has closed.
  await page.waitForFunction(() => {
    const root = document.documentElement.dataset;
    return root.islands !== "ready" || root.clientNav === "ready" ||
      !document.querySelector("[f-client-nav]");
  });
  // Parts the page makes interactive after load (islands/Enhance.tsx).
  await page.waitForFunction(() =>
    !document.querySelector("[data-lazy]") ||
    document.documentElement.dataset.enhanced === "ready"
  );
}
