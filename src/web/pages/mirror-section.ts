/**
 * The health page's section on the archive repository (shown to admins when `archiveGit` is
 * on): each mirror with its URL (never credentials: they are not in it), where its credentials
 * come from, the last push and the last success, the commits it lacks, and the last failure
 * with the time of the next try, read from the state every process sharing the archive writes.
 */
import type { Context } from '../../context.ts';
import { archiveJobsFor } from '../../ingest/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { timeTag } from './ui.ts';

/** Returns the section, or nothing when `archiveGit` is off. */
export async function mirrorSection(ctx: Context): Promise<SafeHtml | string> {
  const jobs = archiveJobsFor(ctx);
  if (jobs === undefined) return '';
  const mirrors = await jobs.pusher.statuses();
  const gc = jobs.lastMaintenance;
  return html`<h2>Archive repository</h2>
<p class="hint">The archive folder is a git repository with a commit per round.${gc?.error === undefined ? '' : html` <span class="error">git gc failed: ${gc.error}</span>`}</p>
${
  mirrors.length === 0
    ? html`<p class="empty">No mirrors: set <code>archiveGitRemotes</code> to push it elsewhere.</p>`
    : html`<table class="data" data-testid="mirrors"><thead><tr>
<th>Mirror</th><th>Status</th><th>Last push</th><th>Last success</th><th>Commits not pushed</th><th>Credentials</th></tr></thead><tbody>
${mirrors.map(
  (m) => html`<tr data-testid="mirror-row" data-remote="${m.name}">
<td>${m.name}<br><small class="hint">${m.url}</small></td>
<td>${m.failures === 0 ? (m.lastSuccessAt === undefined ? 'not pushed yet' : 'ok') : html`<span class="error" data-testid="mirror-error">failed ${m.failures}× in a row: ${m.lastError ?? ''}</span><br><small class="hint">next try ${timeTag(m.nextAttemptAt)}</small>`}</td>
<td>${timeTag(m.lastAttemptAt)}</td>
<td>${timeTag(m.lastSuccessAt)}</td>
<td>${m.unpushed}</td>
<td>${m.credentials}</td></tr>`,
)}
</tbody></table>`
}`;
}
