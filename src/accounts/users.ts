/**
 * Managing users: create (name and password rules checked here), change the password,
 * admin flag or disabled state, remove. The instance always keeps one enabled admin: the
 * last one cannot be removed, demoted or disabled. The first user created is subscribed
 * to every feed already in the fetch list, so an archive that ran single-user shows its
 * feeds in the reader at once.
 */
import { AppError } from '../domain/errors.ts';
import type { IngestContext } from '../ingest/index.ts';
import type { User } from '../store/index.ts';
import { checkPasswordPolicy, hashPassword, type ScryptParams } from './password-hash.ts';

/** What `createUser` takes; `scrypt` overrides the hashing cost (tests). */
export interface NewUserInput {
  name: string;
  password: string;
  admin?: boolean;
  scrypt?: ScryptParams;
}

/** The created user and how many existing feeds it was subscribed to (only the first user gets any). */
export interface CreatedUser {
  user: User;
  subscribedFeeds: number;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** Throws AppError `user.invalid-name` unless the name is 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export function checkUserName(name: string): void {
  if (!NAME.test(name)) {
    throw new AppError(
      'user.invalid-name',
      'a user name is 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
}

/** Creates a user; throws AppError `user.invalid-name`, `user.weak-password` or `user.exists`. */
export async function createUser(ctx: IngestContext, input: NewUserInput): Promise<CreatedUser> {
  const name = input.name.trim();
  checkUserName(name);
  checkPasswordPolicy(input.password);
  const first = (await ctx.store.countUsers()) === 0;
  const passwordHash = await hashPassword(input.password, input.scrypt);
  const created = await ctx.store.createUser({ name, passwordHash, admin: input.admin === true, at: ctx.now() });
  if (created.kind === 'exists') throw new AppError('user.exists', `a user named ${created.user.name} already exists`);
  if (created.kind === 'invalid') throw new AppError('input.invalid', created.reason);
  let subscribedFeeds = 0;
  if (first) {
    for (const feed of await ctx.store.listFeeds()) {
      const added = await ctx.store.addSubscription({ userId: created.user.id, feedId: feed.id, at: ctx.now() });
      if (added.kind === 'added') subscribedFeeds += 1;
    }
  }
  return { user: created.user, subscribedFeeds };
}

/** Returns the user with this name (any letter case); throws AppError `not-found`. */
export async function requireUserNamed(ctx: IngestContext, name: string): Promise<User> {
  const user = await ctx.store.findUserByName(name);
  if (user === undefined) throw new AppError('not-found', `no user named ${name}`);
  return user;
}

/** Sets a new password and, unless told otherwise, ends every session of the user; throws `user.weak-password` or `not-found`. */
export async function setPassword(
  ctx: IngestContext,
  userId: number,
  password: string,
  options: { keepSessions?: boolean; scrypt?: ScryptParams } = {},
): Promise<void> {
  checkPasswordPolicy(password);
  const passwordHash = await hashPassword(password, options.scrypt);
  if (!(await ctx.store.updateUser(userId, { passwordHash }))) throw new AppError('not-found', `no user ${userId}`);
  if (options.keepSessions !== true) await ctx.store.deleteUserSessions(userId);
}

/** Grants or takes admin rights; throws `user.last-admin` when it would leave no enabled admin, or `not-found`. */
export async function setAdmin(ctx: IngestContext, userId: number, admin: boolean): Promise<void> {
  if (!admin) await refuseLastAdmin(ctx, userId, 'take admin rights from');
  if (!(await ctx.store.updateUser(userId, { admin }))) throw new AppError('not-found', `no user ${userId}`);
}

/** Disables (ending its sessions; its tokens stop working) or enables a user; throws `user.last-admin` or `not-found`. */
export async function setDisabled(ctx: IngestContext, userId: number, disabled: boolean): Promise<void> {
  if (disabled) await refuseLastAdmin(ctx, userId, 'disable');
  if (!(await ctx.store.updateUser(userId, { disabled, at: ctx.now() })))
    throw new AppError('not-found', `no user ${userId}`);
  if (disabled) await ctx.store.deleteUserSessions(userId);
}

/** Deletes a user with its sessions, tokens, subscriptions and state; throws `user.last-admin` or `not-found`. */
export async function removeUser(ctx: IngestContext, userId: number): Promise<void> {
  await refuseLastAdmin(ctx, userId, 'remove');
  if (!(await ctx.store.deleteUser(userId))) throw new AppError('not-found', `no user ${userId}`);
}

async function refuseLastAdmin(ctx: IngestContext, userId: number, verb: string): Promise<void> {
  const users = await ctx.store.listUsers();
  const target = users.find((u) => u.id === userId);
  if (target === undefined || !target.admin || target.disabledAt !== undefined) return;
  const otherAdmins = users.filter((u) => u.admin && u.disabledAt === undefined && u.id !== userId);
  if (otherAdmins.length === 0)
    throw new AppError('user.last-admin', `cannot ${verb} ${target.name}: it is the only enabled admin`);
}
