/** An error a user can act on: a short code and a one-line message, never a stack trace. */
export class SpinscopeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SpinscopeError';
  }
}

/** Makes a one-line message out of anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}
