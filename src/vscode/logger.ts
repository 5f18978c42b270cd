// Writes the extension's messages to its Output channel; nothing is thrown into the extension host.
import * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Logs a failure with its cause's message (the stack goes to the trace level only). */
  error(message: string, cause?: unknown): void;
}

export function createLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message, cause) => {
      const detail = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause);
      channel.error(detail ? `${message}: ${detail}` : message);
      if (cause instanceof Error && cause.stack) channel.trace(cause.stack);
    },
  };
}

/** Wraps an event handler so that a failure is logged instead of escaping into the host. */
export function guard<A extends unknown[]>(log: Logger, what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(what, error));
    } catch (error) {
      log.error(what, error);
    }
  };
}

/** Wraps a command so that a failure is logged, while callers can still await its completion. */
export function guardAsync<A extends unknown[]>(log: Logger, what: string, handler: (...args: A) => Promise<unknown> | unknown) {
  return async (...args: A): Promise<void> => {
    try {
      await handler(...args);
    } catch (error) {
      log.error(what, error);
    }
  };
}
