import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBufferedOutput } from './buffered-output.ts';

/** A slow sink: it copies what it is given only when it gets round to it, as the kernel does. */
function createSlowSink(
  withFd: boolean,
  highWaterMark: number,
): { stream: Writable; text: () => string; writes: () => number } {
  const received: Buffer[] = [];
  let writes = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      writes++;
      setTimeout(() => {
        received.push(Buffer.from(chunk));
        callback();
      }, 1);
    },
  });
  if (withFd) Object.assign(stream, { fd: 99 });
  return { stream, text: () => Buffer.concat(received).toString('utf8'), writes: () => writes };
}

describe('createBufferedOutput', () => {
  const cases = [
    { withFd: true, highWaterMark: 1024, name: 'under back-pressure, reusing its chunks' },
    { withFd: true, highWaterMark: 64 << 20, name: 'when the stream buffers, reusing its chunks' },
    { withFd: false, highWaterMark: 1024, name: 'under back-pressure' },
    { withFd: false, highWaterMark: 64 << 20, name: 'when the stream buffers' },
  ];
  for (const { withFd, highWaterMark, name } of cases) {
    it(`delivers every piece in order ${name}`, async () => {
      const sink = createSlowSink(withFd, highWaterMark);
      const out = createBufferedOutput(sink.stream);
      const pieces: string[] = [];
      for (let i = 0; i < 3000; i++) pieces.push(`{"n":${i},"text":"${'新闻 news '.repeat(i % 200)}"}\n`);
      for (const [i, piece] of pieces.entries()) {
        if (i % 3 === 0) await out.writeBytes(Buffer.from(piece, 'utf8'));
        else await out.write(piece);
      }
      await out.write('x'.repeat(3 << 20));
      await out.writeBytes(Buffer.alloc(100 << 10, 0x79));
      await out.flush();
      await new Promise<void>((resolve) => sink.stream.end(resolve));
      expect(sink.text()).toBe(`${pieces.join('')}${'x'.repeat(3 << 20)}${'y'.repeat(100 << 10)}`);
      expect(sink.writes()).toBeLessThan(20);
    });
  }
});
