/**
 * /api/v1/me, /api/v1/tokens and /api/v1/users: who is asking, the user's own API tokens
 * (the secret is in the creation answer only), and user management for admins (the routes
 * table guards /users with `access: 'admin'`; accounts/ keeps the last enabled admin).
 */
import type { Context as HonoContext } from 'hono';
import {
  createApiToken,
  createUser,
  removeUser,
  revokeApiToken,
  setAdmin,
  setDisabled,
  setPassword,
  TOKEN_SCOPES,
} from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser } from '../auth/index.ts';
import {
  idParam,
  onlyKeys,
  optionalBoolean,
  optionalEnum,
  optionalString,
  readJsonBody,
  requiredString,
} from './api-input.ts';
import { tokenJson, userJson } from './api-shapes.ts';

/** GET /api/v1/me: the user and how the request was authenticated. */
export function meRoute(c: HonoContext): Response {
  const user = requireUser(c);
  const auth = c.get('auth');
  return c.json({ user: userJson(user), via: auth?.via, scope: auth?.via === 'token' ? auth.token.scope : undefined });
}

/** GET /api/v1/tokens: the user's API tokens, newest first. */
export async function listTokensRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  return c.json({ items: (await ctx.store.listApiTokens(user.id)).map(tokenJson) });
}

/** POST /api/v1/tokens `{ name, scope? }` (scope default `read`): creates a token; the answer (201) is the only time `token` is shown. */
export async function createTokenRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['name', 'scope']);
  const name = requiredString(body, 'name', 100);
  const scope = optionalEnum(body, 'scope', TOKEN_SCOPES) ?? 'read';
  const created = await createApiToken(ctx, user.id, name, scope);
  return c.json({ token: created.token, ...(tokenJson(created.record) as object) }, 201);
}

/** DELETE /api/v1/tokens/:id: revokes one of the user's tokens (204). */
export async function revokeTokenRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = idParam(c);
  if (!(await revokeApiToken(ctx, id, user.id))) throw new AppError('not-found', `you have no token ${id}`);
  return c.body(null, 204);
}

/** GET /api/v1/users (admin): every user by name. */
export async function listUsersRoute(c: HonoContext, ctx: Context): Promise<Response> {
  return c.json({ items: (await ctx.store.listUsers()).map(userJson) });
}

/** POST /api/v1/users `{ name, password, admin? }` (admin): creates a user (201). */
export async function createUserRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const body = await readJsonBody(c);
  onlyKeys(body, ['name', 'password', 'admin']);
  const name = requiredString(body, 'name', 64);
  const password = body.password;
  if (typeof password !== 'string') throw new AppError('input.invalid', 'password is required');
  const created = await createUser(ctx, { name, password, admin: optionalBoolean(body, 'admin') ?? false });
  return c.json(userJson(created.user), 201);
}

/** PATCH /api/v1/users/:id `{ password?, admin?, disabled? }` (admin): resets the password (ending the user's sessions), grants or takes admin rights, disables or enables. */
export async function updateUserRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const id = idParam(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['password', 'admin', 'disabled']);
  const password = optionalString(body, 'password', 10_000);
  const admin = optionalBoolean(body, 'admin');
  const disabled = optionalBoolean(body, 'disabled');
  if ((await ctx.store.getUser(id)) === undefined) throw new AppError('not-found', `no user ${id}`);
  if (password !== undefined) await setPassword(ctx, id, body.password as string);
  if (admin !== undefined) await setAdmin(ctx, id, admin);
  if (disabled !== undefined) await setDisabled(ctx, id, disabled);
  const user = await ctx.store.getUser(id);
  if (user === undefined) throw new AppError('not-found', `no user ${id}`);
  return c.json(userJson(user));
}

/** DELETE /api/v1/users/:id (admin): deletes a user with its sessions, tokens, subscriptions and state (204). */
export async function deleteUserRoute(c: HonoContext, ctx: Context): Promise<Response> {
  await removeUser(ctx, idParam(c));
  return c.body(null, 204);
}
