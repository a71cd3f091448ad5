/**
 * Records what the pages of a browser context do that a test must see: dialogs (alert,
 * confirm, prompt: dismissed at once), uncaught script errors, console errors, and Content
 * Security Policy violations. Violations come from a `securitypolicyviolation` listener in
 * playwright's init script, reported through an exposed binding: both travel over the
 * DevTools protocol, so the page's own CSP does not apply to them, and every document is
 * covered (frames too, and pages navigated away from). A violation proves a block; a
 * sentinel proves whether anything ran.
 */
import type { BrowserContext } from 'playwright-core';

/** One CSP violation as the page reported it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** What the pages of a context did, in order. */
export interface PageWatch {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  violations: CspViolation[];
}

const BINDING = '__tidingsTestReportViolation';

function reportViolations(binding: string): void {
  const report = (globalThis as unknown as Record<string, (v: unknown) => void>)[binding];
  (globalThis as unknown as EventTarget).addEventListener('securitypolicyviolation', (event) => {
    const e = event as unknown as {
      violatedDirective: string;
      blockedURI: string;
      sample: string;
      documentURI: string;
    };
    report({ page: e.documentURI, directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
}

/** Starts watching every page of `context` (call before opening pages), recording into `watch` (a new one by default: several contexts may share one). */
export async function watchContext(
  context: BrowserContext,
  watch: PageWatch = { dialogs: [], pageErrors: [], consoleErrors: [], violations: [] },
): Promise<PageWatch> {
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => void watch.violations.push(violation));
  await context.addInitScript(reportViolations, BINDING);
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()} (on ${page.url()})`);
      dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => void watch.pageErrors.push(`${error.message} (on ${page.url()})`));
    page.on('console', (message) => {
      if (message.type() === 'error')
        watch.consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
    });
  });
  return watch;
}
