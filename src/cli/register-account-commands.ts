/**
 * The account commands: `tidings user add|list|remove|passwd` and `tidings token
 * create|list|revoke`. Each command's code is loaded only when it runs.
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import type { GlobalOptions } from './with-context.ts';

/** Adds the user and token commands to `program`. */
export function registerAccountCommands(
  program: Command,
  globals: () => GlobalOptions,
  setExitCode: (code: number) => void,
  io: CliIo,
): void {
  const user = program
    .command('user')
    .description("manage the reader's users (the first admin: tidings user add NAME --admin)");
  user
    .command('add')
    .description('create a user; the password is asked twice on the terminal, or read from stdin')
    .argument('<name>', '1–64 letters, digits, ".", "_" or "-"; unique in any letter case')
    .option('--admin', 'the user may manage users and the feeds of everyone')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--json', 'print {user, subscribedFeeds} as JSON')
    .action(async (name: string, options) => {
      const { runUserAdd } = await import('./user-command.ts');
      setExitCode(await runUserAdd(io, globals(), name, options));
    });
  user
    .command('list')
    .description('list the users: id, name, role, created, status')
    .option('--json', 'print {"users": [...]} as JSON')
    .action(async (options) => {
      const { runUserList } = await import('./user-command.ts');
      setExitCode(await runUserList(io, globals(), options));
    });
  user
    .command('remove')
    .description('delete a user with its sessions, API tokens, subscriptions and read state (the feeds stay)')
    .argument('<name>', 'the user')
    .action(async (name: string) => {
      const { runUserRemove } = await import('./user-command.ts');
      setExitCode(await runUserRemove(io, globals(), name));
    });
  user
    .command('passwd')
    .description("set a user's password (every session of the user ends)")
    .argument('<name>', 'the user')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (name: string, options) => {
      const { runUserPasswd } = await import('./user-command.ts');
      setExitCode(await runUserPasswd(io, globals(), name, options));
    });

  const token = program.command('token').description('API tokens for scripts and apps (read, or read-write)');
  token
    .command('create')
    .description('create an API token and print it (shown only once)')
    .argument('<name>', 'what the token is for, e.g. "phone"')
    .requiredOption('--user <user>', 'the user the token acts as')
    .option('--scope <scope>', 'read (GET only, the default) or read-write')
    .option('--json', 'print {token, id, name, scope, …} as JSON')
    .action(async (name: string, options) => {
      const { runTokenCreate } = await import('./token-command.ts');
      setExitCode(await runTokenCreate(io, globals(), name, options));
    });
  token
    .command('list')
    .description("list API tokens (never the tokens themselves): everyone's, or one user's")
    .option('--user <user>', 'only this user')
    .option('--json', 'print {"tokens": [...]} as JSON')
    .action(async (options) => {
      const { runTokenList } = await import('./token-command.ts');
      setExitCode(await runTokenList(io, globals(), options));
    });
  token
    .command('revoke')
    .description('revoke an API token at once')
    .argument('<id>', 'the token id (tidings token list)')
    .action(async (id: string) => {
      const { runTokenRevoke } = await import('./token-command.ts');
      setExitCode(await runTokenRevoke(io, globals(), id));
    });
}
