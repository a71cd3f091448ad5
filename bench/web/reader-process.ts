/**
 * `tidings serve` as a child process for the web benchmark (the compiled CLI, as a user
 * runs it), a session for the bench user through the real login form, and the server's
 * CPU time from /proc (Linux) so the report can say what each request cost the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A running server. */
export interface ReaderProcess {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `tidings serve --port 0` on 127.0.0.1 over `data` (node run with `nodeArgs`, e.g. --cpu-prof); resolves once it prints its address. */
export function startReaderProcess(
  root: string,
  data: string,
  nodeArgs: readonly string[] = [],
): Promise<ReaderProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, join(root, 'bin/tidings.js'), '--data', data, 'serve', '--host', '127.0.0.1', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`tidings serve printed no address in 60 s: ${stderr}`)), 60_000);
    child.once('close', (code) => reject(new Error(`tidings serve exited ${code}: ${stderr}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /serving (http:\/\/[^/\s]+\/)/.exec(stdout);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        base: match[1],
        pid: child.pid ?? 0,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]);
}

/** Logs in through GET/POST /login (CSRF double submit included) and returns the Cookie header of the session. */
export async function loginCookie(base: string, name: string, password: string): Promise<string> {
  const form = await fetch(new URL('/login', base));
  const anonymous = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (token === undefined) throw new Error('no CSRF token on /login');
  const response = await fetch(new URL('/login', base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous.join('; ') },
    body: new URLSearchParams({ _csrf: token, name, password, next: '/unread' }),
  });
  const session = cookiesOf(response).filter((cookie) => !cookie.endsWith('='));
  if (response.status !== 303 || session.length === 0) throw new Error(`login failed: HTTP ${response.status}`);
  return [...anonymous, ...session].join('; ');
}

/** Returns the CPU milliseconds (user + system) process `pid` used so far, or undefined without /proc. */
export async function cpuMsOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime), counted after the command name: indexes 11 and 12; clock ticks are 100 Hz on Linux.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
