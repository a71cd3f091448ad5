/**
 * `tidings user add|list|remove|passwd`: managing the reader's users from the server's
 * shell (how the first admin is made; the /setup page is the other way). Passwords come
 * from the terminal without echo or from standard input, never from argv.
 */
import { createUser, removeUser, requireUserNamed, setPassword } from '../accounts/index.ts';
import { isAppError } from '../domain/errors.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable, formatTime } from './format.ts';
import { readNewPassword } from './read-password.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings user add`. */
export interface UserAddOptions {
  admin?: boolean;
  passwordStdin?: boolean;
  json?: boolean;
}

/** Returns the exit status for an error of an account command: its message on stderr, exit 1. */
export function failWith(io: CliIo, error: unknown): number {
  if (isAppError(error)) return fail(io, error.message);
  throw error;
}

/** Runs `tidings user add NAME`; exit 1 when the name is taken or the name or password is refused. */
export async function runUserAdd(
  io: CliIo,
  globals: GlobalOptions,
  name: string,
  options: UserAddOptions,
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    try {
      const password = await readNewPassword(io, options.passwordStdin === true);
      const { user, subscribedFeeds } = await createUser(ctx, { name, password, admin: options.admin === true });
      if (options.json === true) {
        printJson(io, { user, subscribedFeeds });
        return EXIT.ok;
      }
      io.stdout(`Created ${user.admin ? 'admin' : 'user'} ${user.name} (#${user.id}).\n`);
      if (subscribedFeeds > 0) io.stdout(`${user.name} follows the ${subscribedFeeds} feeds already in the archive.\n`);
      return EXIT.ok;
    } catch (error) {
      return failWith(io, error);
    }
  });
}

/** Runs `tidings user list`; always exit 0. */
export async function runUserList(io: CliIo, globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const users = await ctx.store.listUsers();
    if (options.json === true) {
      printJson(io, { users });
      return EXIT.ok;
    }
    if (users.length === 0) {
      io.stdout('No users. Create the first admin with: tidings user add NAME --admin\n');
      return EXIT.ok;
    }
    const rows = [['ID', 'NAME', 'ROLE', 'CREATED', 'STATUS']];
    for (const user of users) {
      rows.push([
        String(user.id),
        user.name,
        user.admin ? 'admin' : 'user',
        formatTime(user.createdAt),
        user.disabledAt === undefined ? 'active' : 'disabled',
      ]);
    }
    io.stdout(`${formatTable(rows)}\n`);
    return EXIT.ok;
  });
}

/** Runs `tidings user remove NAME`; exit 1 for an unknown user or the last admin. */
export async function runUserRemove(io: CliIo, globals: GlobalOptions, name: string): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    try {
      const user = await requireUserNamed(ctx, name);
      await removeUser(ctx, user.id);
      io.stdout(
        `Removed user ${user.name} with its sessions, API tokens, subscriptions and read state (the feeds stay).\n`,
      );
      return EXIT.ok;
    } catch (error) {
      return failWith(io, error);
    }
  });
}

/** Runs `tidings user passwd NAME`: a new password, and every session of the user ends. */
export async function runUserPasswd(
  io: CliIo,
  globals: GlobalOptions,
  name: string,
  options: { passwordStdin?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    try {
      const user = await requireUserNamed(ctx, name);
      const password = await readNewPassword(io, options.passwordStdin === true);
      await setPassword(ctx, user.id, password);
      io.stdout(`Changed the password of ${user.name}; its sessions were ended (API tokens still work).\n`);
      return EXIT.ok;
    } catch (error) {
      return failWith(io, error);
    }
  });
}
