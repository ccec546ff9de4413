// How messages are written on stream transports (stdio, pipes, sockets), with two
// savings for large results that never change once built, such as the outline of
// one analysed version of a long article (1 MB of JSON for 5,000 symbols):
// - their JSON is produced once and reused by every response that returns the same
//   object (editors ask for the outline from several views, and again on focus);
// - it is pure ASCII (other characters as \u escapes, which JSON allows), so the
//   server writes it without transcoding and the client decodes a one-byte string
//   half the size of a UTF-16 one.
// Every other message is written as vscode-jsonrpc's own stream writer does.
import { AbstractMessageWriter, type Message, type MessageWriter, type ResponseMessage } from 'vscode-languageserver/node';

const shared = new WeakSet<object>();
const bytes = new WeakMap<object, Buffer>();
const CLOSE = Buffer.from('}');
/** Whether the connection writes with `StdioWriter` (else bytes built ahead would be wasted). */
let inUse = false;

/**
 * Marks a result as immutable and worth serialising once: every response that
 * carries this very object reuses its bytes. Returns it, for `return reuse(x)`.
 */
export function reusedJson<T extends object>(result: T): T {
  shared.add(result);
  return result;
}

/** The ASCII JSON of a result marked with `reusedJson`, built on first use. */
export function jsonOf(result: object): Buffer {
  let b = bytes.get(result);
  if (!b) {
    b = asciiJson(result);
    bytes.set(result, b);
  }
  return b;
}

/** JSON with every character outside ASCII written as a \u escape. */
export function asciiJson(value: unknown): Buffer {
  // UTF-8 first (a native pass), then escapes over bytes: several times faster than
  // a regular expression over the UTF-16 string of a megabyte of JSON.
  return escapeNonAscii(Buffer.from(JSON.stringify(value), 'utf8'));
}

const HEX = Buffer.from('0123456789abcdef');

/**
 * Rewrites the non-ASCII characters of well-formed UTF-8 JSON as \u escapes of their
 * UTF-16 code units (two for characters beyond U+FFFF). JSON.stringify never puts
 * them outside strings, and escapes lone surrogates itself.
 */
export function escapeNonAscii(src: Buffer): Buffer {
  let extra = 0;
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b < 0x80) continue;
    if (b >= 0xf0) { extra += 12 - 4; i += 3; } else if (b >= 0xe0) { extra += 6 - 3; i += 2; } else { extra += 6 - 2; i += 1; }
  }
  if (!extra) return src;
  const out = Buffer.allocUnsafe(src.length + extra);
  let o = 0;
  const unit = (u: number) => {
    out[o++] = 0x5c; // backslash
    out[o++] = 0x75; // u
    out[o++] = HEX[(u >> 12) & 15];
    out[o++] = HEX[(u >> 8) & 15];
    out[o++] = HEX[(u >> 4) & 15];
    out[o++] = HEX[u & 15];
  };
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b < 0x80) {
      out[o++] = b;
    } else if (b >= 0xf0) {
      const cp = ((b & 0x07) << 18) | ((src[i + 1] & 0x3f) << 12) | ((src[i + 2] & 0x3f) << 6) | (src[i + 3] & 0x3f);
      unit(0xd800 + ((cp - 0x10000) >> 10));
      unit(0xdc00 + ((cp - 0x10000) & 0x3ff));
      i += 3;
    } else if (b >= 0xe0) {
      unit(((b & 0x0f) << 12) | ((src[i + 1] & 0x3f) << 6) | (src[i + 2] & 0x3f));
      i += 2;
    } else {
      unit(((b & 0x1f) << 6) | (src[i + 1] & 0x3f));
      i += 1;
    }
  }
  return out;
}

/** Builds a marked result's bytes ahead of the request, when the connection can use them. */
export function prepareJson(result: object): void {
  if (inUse && shared.has(result)) jsonOf(result);
}

/**
 * The message writer for stdio: the LSP framing (Content-Length header) and each
 * message's JSON, written in order. A reused result goes out as its own cached
 * buffer between a small head and the closing brace, never copied into a fresh
 * megabyte for every response (on this kind of machine fresh memory costs more
 * than the copy itself).
 */
export class StdioWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    inUse = true;
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let parts: Buffer[];
    try {
      parts = encodeMessage(msg);
    } catch (e) {
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e);
    }
    const length = parts.reduce((n, b) => n + b.length, 0);
    // Node streams keep the order of writes, so messages never interleave.
    return new Promise((resolve, reject) => {
      this.out.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      parts.forEach((part, i) => this.out.write(part, i === parts.length - 1 ? (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errors);
        reject(e);
      } : undefined));
    });
  }

  end(): void {
    this.out.end();
  }
}

/** A message's JSON as buffers to write one after the other (reused bytes where marked). */
export function encodeMessage(msg: Message): Buffer[] {
  const result = (msg as ResponseMessage).result;
  if (result !== null && typeof result === 'object' && shared.has(result) && !(msg as ResponseMessage).error) {
    const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify((msg as ResponseMessage).id)},"result":`, 'utf8');
    return [head, jsonOf(result), CLOSE];
  }
  return [Buffer.from(JSON.stringify(msg), 'utf8')];
}
