/**
 * Real Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run),
 * driven by playwright-core, which never downloads a browser of its own. When the binary is
 * missing, a suite fails with a clear message under CI (a missing browser must not turn
 * into a green run) and is skipped with the same message on a developer's machine.
 * Every request the browser makes stays on 127.0.0.1: other host names resolve to nothing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { describe, it } from 'vitest';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Waits for selectors and navigations: generous, for a loaded 2-core machine. */
export const STEP_TIMEOUT_MS = 20_000;

/** The longest one test of a browser suite may take (a test visits many pages). */
export const TEST_TIMEOUT_MS = 90_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  // The tests talk only to 127.0.0.1: article images or links naming other hosts must not reach the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Returns why the browser tests cannot run here, or undefined when Chromium is installed at `executable`. */
export function chromiumMissingReason(executable = CHROMIUM_PATH): string | undefined {
  if (existsSync(executable)) return undefined;
  return `${executable} is missing: the browser tests need Debian's chromium package ("apt-get install chromium", which .ci/run does)`;
}

/** Declares a browser suite: runs it when Chromium is installed, else fails it under CI and skips it elsewhere (with the reason). */
export function describeWithChromium(name: string, body: () => void, executable = CHROMIUM_PATH): void {
  const missing = chromiumMissingReason(executable);
  if (missing === undefined) return void describe(name, { timeout: TEST_TIMEOUT_MS }, body);
  if (isCi()) {
    return void describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(missing);
      });
    });
  }
  console.warn(`${name}: skipped: ${missing}`);
  describe.skip(name, body);
}

/** Launches headless Chromium; playwright-core gives it a fresh temporary profile (user data dir) and removes it on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Opens a browser context with the tests' default timeouts. */
export async function openContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    ...options,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS + 10_000);
  return context;
}
