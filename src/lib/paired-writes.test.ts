import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { PairedWrites } from './paired-writes.js';

/** A WebSocket stand-in over a corkable stream: records what reached the wire and when. */
function fakeSocket() {
  const socket = new PassThrough();
  const wire: string[][] = [];
  let batch: string[] = [];
  socket.on('data', (d: Buffer) => {
    batch.push(d.toString());
  });
  const ws = { readyState: 1, _socket: socket, send: (data: string) => socket.write(data) };
  return {
    ws,
    wire,
    settle: async () => {
      await new Promise((r) => setImmediate(r));
      if (batch.length) wire.push(batch);
      batch = [];
    },
  };
}

describe('paired writes', () => {
  it("an answer's first frame leaves at once; the frames after it leave two by two", async () => {
    const { ws, wire, settle } = fakeSocket();
    const out = new PairedWrites(ws, 25, 2, 60);
    out.send('f1');
    await settle();
    expect(wire).toEqual([['f1']]);
    out.send('f2');
    await settle();
    expect(wire.length).toBe(1); // held for its partner
    out.send('f3');
    await settle();
    expect(wire.at(-1)!.join('')).toBe('f2f3');
  });

  it('a message sent with `now` leaves at once, with the one held before it', async () => {
    const { ws, wire, settle } = fakeSocket();
    const out = new PairedWrites(ws, 25, 2, 60);
    out.send('f1');
    out.send('f2');
    await settle();
    expect(wire.length).toBe(1); // f2 held for its partner
    out.send('f3', true);
    await settle();
    expect(wire.at(-1)!.join('')).toBe('f2f3');
    out.send('f4', true);
    await settle();
    expect(wire.at(-1)!.join('')).toBe('f4'); // nothing held: not corked at all
    out.send('f5');
    await settle();
    expect(wire.at(-1)!.join('')).toBe('f4'); // an ordinary frame pairs again
  });
});
