// How messages are written on stream transports (stdio, pipes, sockets), with two
// savings for large results that never change once built, such as the outline of
// one analysed version of a long article (1 MB of JSON for 5,000 symbols):
// - their JSON is produced once and reused by every response that returns the same
//   object (editors ask for the outline from several views, and again on focus);
// - it is pure ASCII (other characters as \u escapes, which JSON allows), so the
//   server writes it without transcoding and the client decodes a one-byte string
//   half the size of a UTF-16 one.
// Every other message is encoded exactly as vscode-jsonrpc does by default.
import type { Message, ResponseMessage } from 'vscode-languageserver/node';

const shared = new WeakSet<object>();
const bytes = new WeakMap<object, Buffer>();
const CLOSE = Buffer.from('}');
/** Whether the connection writes with `encodeMessage` (else bytes built ahead would be wasted). */
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
    b = Buffer.from(asciiJson(result), 'latin1');
    bytes.set(result, b);
  }
  return b;
}

/** JSON with every character outside ASCII written as a \u escape. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Builds a marked result's bytes ahead of the request, when the connection can use them. */
export function prepareJson(result: object): void {
  if (inUse && shared.has(result)) jsonOf(result);
}

/** The content-type encoder for `StreamMessageWriter`: reused bytes where marked, else JSON.stringify. */
export const messageEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: string }): Promise<Uint8Array> {
    inUse = true;
    return Promise.resolve(encodeMessage(msg, options.charset as BufferEncoding));
  },
};

export function encodeMessage(msg: Message, charset: BufferEncoding): Buffer {
  const result = (msg as ResponseMessage).result;
  if (result !== null && typeof result === 'object' && shared.has(result) && !(msg as ResponseMessage).error) {
    const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify((msg as ResponseMessage).id)},"result":`, 'utf8');
    return Buffer.concat([head, jsonOf(result), CLOSE]);
  }
  return Buffer.from(JSON.stringify(msg), charset);
}
