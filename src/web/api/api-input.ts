/**
 * Reading API input: the JSON body, path ids, page parameters and typed body fields. Every
 * problem throws AppError `input.invalid` (400) naming the field, so handlers read like the
 * happy path. No schema library: the API has a few dozen fields, and these readers keep the
 * messages in Tidings' own words.
 */
import type { Context as HonoContext } from 'hono';
import { AppError } from '../../domain/errors.ts';

/** A JSON object body. */
export type JsonBody = Record<string, unknown>;

function invalid(message: string): AppError {
  return new AppError('input.invalid', message);
}

/** Returns the request's JSON object body; throws `input.invalid` for no body, bad JSON or a non-object. */
export async function readJsonBody(c: HonoContext): Promise<JsonBody> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw invalid('the body must be a JSON object');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid('the body must be a JSON object');
  return value as JsonBody;
}

/** Returns a positive integer from text (a path or query parameter); throws `input.invalid`. */
export function parseId(text: string | undefined, name = 'id'): number {
  const value = text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw invalid(`${name} must be a positive integer`);
  return value;
}

/** Returns the path parameter `name` as a positive integer; throws `input.invalid`. */
export function idParam(c: HonoContext, name = 'id'): number {
  return parseId(c.req.param(name), name);
}

/** Returns an optional positive-integer query parameter; throws `input.invalid`. */
export function optionalIdQuery(c: HonoContext, name: string): number | undefined {
  const text = c.req.query(name);
  return text === undefined || text === '' ? undefined : parseId(text, name);
}

/** Returns `limit` (1–max, default `fallback`) and `cursor` from the query; throws `input.invalid`. */
export function pageQuery(c: HonoContext, fallback = 50, max = 500): { limit: number; cursor?: string } {
  const text = c.req.query('limit');
  const limit = text === undefined || text === '' ? fallback : /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1 && limit <= max)) throw invalid(`limit must be an integer from 1 to ${max}`);
  const cursor = c.req.query('cursor');
  return cursor === undefined || cursor === '' ? { limit } : { limit, cursor };
}

/** Returns the query parameter `name` if it is one of `values`, else `fallback`; throws `input.invalid` for another value. */
export function enumQuery<T extends string>(c: HonoContext, name: string, values: readonly T[], fallback: T): T {
  const text = c.req.query(name);
  if (text === undefined || text === '') return fallback;
  if (!(values as readonly string[]).includes(text)) throw invalid(`${name} must be one of ${values.join(', ')}`);
  return text as T;
}

/** Returns a string field (trimmed), undefined when absent; throws `input.invalid` for another type or a length over `max`. */
export function optionalString(body: JsonBody, key: string, max = 1000): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${key} must be a string`);
  if (value.length > max) throw invalid(`${key} must be at most ${max} characters`);
  return value.trim();
}

/** Returns a required non-empty string field; throws `input.invalid`. */
export function requiredString(body: JsonBody, key: string, max = 1000): string {
  const value = optionalString(body, key, max);
  if (value === undefined || value === '') throw invalid(`${key} is required`);
  return value;
}

/** Returns a string field that may be null (to clear a value); throws `input.invalid`. */
export function nullableString(body: JsonBody, key: string, max = 1000): string | null | undefined {
  return body[key] === null ? null : optionalString(body, key, max);
}

/** Returns a boolean field, undefined when absent; throws `input.invalid`. */
export function optionalBoolean(body: JsonBody, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(`${key} must be true or false`);
  return value;
}

/** Returns a positive integer field, undefined when absent; throws `input.invalid`. */
export function optionalInteger(body: JsonBody, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw invalid(`${key} must be a positive integer`);
  return value;
}

/** Returns a positive integer field that may be null (to clear a value); throws `input.invalid`. */
export function nullableInteger(body: JsonBody, key: string): number | null | undefined {
  return body[key] === null ? null : optionalInteger(body, key);
}

/** Returns a field that must be one of `values`, undefined when absent; throws `input.invalid`. */
export function optionalEnum<T extends string>(body: JsonBody, key: string, values: readonly T[]): T | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw invalid(`${key} must be one of ${values.join(', ')}`);
  return value as T;
}

/** Returns a time field given as an ISO 8601 text or epoch milliseconds, undefined when absent; throws `input.invalid`. */
export function optionalTime(body: JsonBody, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isSafeInteger(ms)) throw invalid(`${key} must be an ISO 8601 time or epoch milliseconds`);
  return ms;
}

/** Throws `input.invalid` when the body has a key outside `allowed` (a typo must not pass silently). */
export function onlyKeys(body: JsonBody, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw invalid(`unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
}
