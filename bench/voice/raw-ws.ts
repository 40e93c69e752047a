/**
 * A minimal WebSocket client over a raw TCP socket, for the load generator only: frames are built
 * straight into one buffer with a zero mask key (legal on the wire; the server unmasks as usual) and
 * incoming frames are classified from their first bytes without decoding. The `ws` client spends more
 * CPU per message than the server under test, which made the generator the bottleneck at 1,000 calls
 * on a 2-core machine.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';

/** Handlers of a raw client. */
export interface RawWsHandlers {
  open(): void;
  /** A text message; `payload` is a view valid only during the call. */
  message(payload: Buffer): void;
  close(): void;
}

/** A raw WebSocket client connection. */
export class RawWs {
  private sock: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private upgraded = false;
  open = false;

  constructor(
    url: string,
    private readonly h: RawWsHandlers,
  ) {
    const u = new URL(url);
    this.sock = net.connect(Number(u.port), u.hostname);
    this.sock.setNoDelay(true);
    this.sock.on('connect', () => {
      this.sock.write(
        `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.sock.on('data', (d: Buffer) => this.onData(d));
    this.sock.on('close', () => {
      this.open = false;
      this.h.close();
    });
    this.sock.on('error', () => {});
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    if (!this.upgraded) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!this.buf.subarray(0, 12).toString().includes('101')) return void this.sock.destroy();
      this.upgraded = this.open = true;
      this.buf = this.buf.subarray(end + 4);
      this.h.open();
    }
    let off = 0;
    while (this.buf.length - off >= 2) {
      const b0 = this.buf[off];
      let len = this.buf[off + 1] & 0x7f;
      let hl = 2;
      if (len === 126) {
        if (this.buf.length - off < 4) break;
        len = this.buf.readUInt16BE(off + 2);
        hl = 4;
      } else if (len === 127) {
        if (this.buf.length - off < 10) break;
        len = Number(this.buf.readBigUInt64BE(off + 2));
        hl = 10;
      }
      if (this.buf.length - off < hl + len) break;
      const opcode = b0 & 0x0f;
      const payload = this.buf.subarray(off + hl, off + hl + len);
      off += hl + len;
      if (opcode === 1) this.h.message(payload);
      else if (opcode === 8) {
        this.sock.end();
        this.open = false;
      } else if (opcode === 9) this.frame(0x8a, payload.toString('latin1'));
    }
    this.buf = off === this.buf.length ? Buffer.alloc(0) : this.buf.subarray(off);
  }

  private frame(b0: number, text: string): void {
    const n = Buffer.byteLength(text);
    const hl = n < 126 ? 6 : 8;
    const out = Buffer.allocUnsafe(hl + n);
    out[0] = b0;
    if (n < 126) out[1] = 0x80 | n;
    else {
      out[1] = 0x80 | 126;
      out.writeUInt16BE(n, 2);
    }
    out.writeUInt32BE(0, hl - 4); // mask key 0: payload bytes go out as they are
    out.write(text, hl);
    this.sock.write(out);
  }

  /** Sends a text message (< 64 KiB). */
  send(text: string): void {
    if (this.open) this.frame(0x81, text);
  }

  /** Closes abruptly. */
  terminate(): void {
    this.open = false;
    this.sock.destroy();
  }
}
