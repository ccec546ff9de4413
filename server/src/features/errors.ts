// Request handlers never crash the server: a thrown error becomes a ResponseError
// (InvalidParams for bad input such as an unknown document, InternalError for bugs,
// logged with its stack to the connection console).
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { UnknownDocumentError } from '../workspace/project';
import { startTimer } from './timing';

export interface Logger {
  error(message: string): void;
  /** `$/logTrace` (a no-op unless the client turned tracing on). */
  trace?(message: string): void;
}

export function toResponseError(method: string, e: unknown, log: Logger): ResponseError<void> {
  if (e instanceof ResponseError) return e;
  if (e instanceof UnknownDocumentError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
  const err = e instanceof Error ? e : new Error(String(e));
  log.error(`${method} failed: ${err.stack ?? err.message}`);
  return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${err.message}`);
}

/** Wraps a request handler: its result, or a ResponseError when it throws. */
export function guard<P, R>(method: string, log: Logger, handler: (params: P) => Promise<R> | R): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    const elapsed = startTimer();
    try {
      return await handler(params);
    } catch (e) {
      return toResponseError(method, e, log);
    } finally {
      log.trace?.(`${method} handled in ${elapsed()}`);
    }
  };
}
