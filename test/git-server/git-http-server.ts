/**
 * A git host on 127.0.0.1 for tests: `git http-backend` (git's own smart-HTTP server, run as
 * CGI) behind a Node HTTP server that wants one user and token by HTTP Basic authentication,
 * answering 401 otherwise, and remembers every Authorization header it was sent, so a test can
 * prove credentials reach the host and that a wrong token is refused.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running test git host. */
export interface GitHttpServer {
  /** The URL of repository `name` (a bare repository under the project root). */
  url(name: string): string;
  /** Authorization headers received, in order. */
  readonly authorizations: string[];
  close(): Promise<void>;
}

/** Serves the bare repositories under `projectRoot`, for user `user` with token `token` only. */
export async function startGitHttpServer(projectRoot: string, user: string, token: string): Promise<GitHttpServer> {
  const expected = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    if (auth !== undefined) authorizations.push(auth);
    if (auth !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end('authentication required\n');
      return;
    }
    runBackend(projectRoot, user, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function runBackend(projectRoot: string, user: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_PROJECT_ROOT: projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      REMOTE_USER: user,
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  req.pipe(cgi.stdin);
  let head = Buffer.alloc(0);
  let headDone = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) return;
    headDone = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'status') status = Number(value.split(' ')[0]);
      else res.setHeader(name, value);
    }
    res.writeHead(status);
    res.write(head.subarray(end + 4));
  });
  cgi.on('close', () => res.end());
}
