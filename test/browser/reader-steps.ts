/**
 * Steps both browser suites take through the reader's own pages: create the first admin
 * on /setup (which logs them in), and subscribe to a feed on the subscriptions page.
 */
import type { Page } from 'playwright-core';
import type { ReaderServer } from './reader-server.ts';

/** A user's name and password. */
export interface Credentials {
  name: string;
  password: string;
}

/** Creates the first admin on /setup and waits for the unread timeline it lands on. */
export async function createAdminOnSetup(page: Page, reader: ReaderServer, admin: Credentials): Promise<void> {
  await page.goto(reader.url('/setup'));
  await page.locator('input[name="name"]').fill(admin.name);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.locator('input[name="confirm"]').fill(admin.password);
  await page.getByRole('button', { name: 'Create admin' }).click();
  await page.waitForURL('**/unread');
}

/** Subscribes to `url` (optionally in `category`) on /subscriptions; returns the feed's id from the page it lands on. */
export async function subscribeOnPage(
  page: Page,
  reader: ReaderServer,
  url: string,
  category?: string,
): Promise<number> {
  await page.goto(reader.url('/subscriptions'));
  await page.getByTestId('add-feed-url').fill(url);
  if (category !== undefined) await page.getByTestId('add-feed-form').locator('input[name="category"]').fill(category);
  await page.getByTestId('add-feed-form').getByRole('button', { name: 'Subscribe' }).click();
  await page.waitForURL(/\/feeds\/\d+\/settings\?added=1$/);
  await page.getByTestId('feed-added').waitFor();
  return Number(/\/feeds\/(\d+)\//.exec(page.url())?.[1]);
}
