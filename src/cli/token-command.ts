/**
 * `tidings token create|list|revoke`: API tokens for scripts and apps. `create` prints
 * the token alone on stdout (so `TOKEN=$(tidings token create …)` works) and the note
 * that it is shown only once on stderr; only its hash is stored.
 */
import { createApiToken, isTokenScope, requireUserNamed, revokeApiToken, TOKEN_SCOPES } from '../accounts/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable, formatTime } from './format.ts';
import { failWith } from './user-command.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings token create`. */
export interface TokenCreateOptions {
  user: string;
  scope?: string;
  json?: boolean;
}

/** Runs `tidings token create NAME --user U --scope S`; exit 2 for an unknown scope, 1 for an unknown user. */
export async function runTokenCreate(
  io: CliIo,
  globals: GlobalOptions,
  name: string,
  options: TokenCreateOptions,
): Promise<number> {
  const scope = options.scope ?? 'read';
  if (!isTokenScope(scope)) return fail(io, `--scope must be ${TOKEN_SCOPES.join(' or ')}`, EXIT.usage);
  return withContext(io, globals, async (ctx) => {
    try {
      const user = await requireUserNamed(ctx, options.user);
      const { token, record } = await createApiToken(ctx, user.id, name, scope);
      if (options.json === true) {
        printJson(io, { token, ...record });
        return EXIT.ok;
      }
      io.stdout(`${token}\n`);
      io.stderr(
        `API token #${record.id} "${record.name}" for ${user.name} (${record.scope}). It is shown only now: keep it somewhere safe.\n`,
      );
      return EXIT.ok;
    } catch (error) {
      return failWith(io, error);
    }
  });
}

/** Runs `tidings token list [--user U]`; exit 1 for an unknown user. */
export async function runTokenList(
  io: CliIo,
  globals: GlobalOptions,
  options: { user?: string; json?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    try {
      const user = options.user === undefined ? undefined : await requireUserNamed(ctx, options.user);
      const tokens = await ctx.store.listApiTokens(user?.id);
      if (options.json === true) {
        printJson(io, { tokens });
        return EXIT.ok;
      }
      if (tokens.length === 0) {
        io.stdout('No API tokens. Create one with: tidings token create NAME --user USER --scope read\n');
        return EXIT.ok;
      }
      const names = new Map((await ctx.store.listUsers()).map((u) => [u.id, u.name]));
      const rows = [['ID', 'NAME', 'SCOPE', 'USER', 'CREATED', 'LAST USED']];
      for (const t of tokens)
        rows.push([
          String(t.id),
          t.name,
          t.scope,
          names.get(t.userId) ?? '?',
          formatTime(t.createdAt),
          formatTime(t.lastUsedAt),
        ]);
      io.stdout(`${formatTable(rows)}\n`);
      return EXIT.ok;
    } catch (error) {
      return failWith(io, error);
    }
  });
}

/** Runs `tidings token revoke ID`; exit 1 when there is no such token, 2 for an ID that is not a number. */
export async function runTokenRevoke(io: CliIo, globals: GlobalOptions, id: string): Promise<number> {
  const tokenId = Number(id.replace(/^#/, ''));
  if (!Number.isSafeInteger(tokenId) || tokenId < 1) return fail(io, `not a token id: ${id}`, EXIT.usage);
  return withContext(io, globals, async (ctx) => {
    if (!(await revokeApiToken(ctx, tokenId))) return fail(io, `no API token ${tokenId}`);
    io.stdout(`Revoked API token #${tokenId}.\n`);
    return EXIT.ok;
  });
}
