// Checks on what clients send, and the one way handler failures are answered: a clear message in
// the error and the log, never a stack trace, and the server keeps serving.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Log } from './linter';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The document URI of a request, or a clear error when the request has none. */
export function textDocumentUri(params: unknown, method: string): string {
  const textDocument = isRecord(params) ? params.textDocument : undefined;
  if (!isRecord(textDocument) || typeof textDocument.uri !== 'string') throw invalidParams(`${method} needs textDocument.uri.`);
  return textDocument.uri;
}

/** Runs a handler; a failure other than a protocol error (cancellation included) is logged and answered clearly. */
export async function guard<T>(log: Log, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    log.error(`${what} failed: ${describe(error)}`);
    throw new ResponseError(ErrorCodes.InternalError, `${what} failed: ${describe(error)}`);
  }
}
