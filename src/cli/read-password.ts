/**
 * Where `tidings user add` and `user passwd` get a password: the first line of standard
 * input with `--password-stdin` (for scripts: never in argv, where `ps` and shell history
 * would see it), else typed twice on the terminal without echo. No terminal and no
 * `--password-stdin` is a usage error rather than a hang waiting on a pipe.
 */
import { AppError } from '../domain/errors.ts';
import type { CliIo } from './cli-io.ts';

/** Returns the password; throws AppError `input.invalid` when none can be read or the two entries differ. */
export async function readNewPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const text = await (io.readStdin ?? readProcessStdin)();
    const line = text.split(/\r?\n/)[0] ?? '';
    if (line === '') throw new AppError('input.invalid', 'standard input held no password');
    return line;
  }
  const prompt = io.promptSecret ?? promptOnTerminal;
  const first = await prompt('Password: ');
  if (first === undefined)
    throw new AppError('input.invalid', 'no terminal to ask for the password on: use --password-stdin');
  const second = await prompt('Password again: ');
  if (second !== first) throw new AppError('input.invalid', 'the two passwords differ');
  return first;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

// Raw mode: characters arrive one by one and nothing is echoed; Enter ends, Backspace erases, Ctrl-C aborts.
function promptOnTerminal(question: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (stdin.isTTY !== true) return Promise.resolve(undefined);
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new AppError('input.invalid', 'interrupted'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? [...value].slice(0, -1).join('') : value + char;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}
