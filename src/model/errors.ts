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

/** Node's file-system error codes in words ("ENOENT: no such file or directory, open 'x'" reads as code). */
const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the disk',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many levels of symbolic links (a link loop?)',
  ENAMETOOLONG: 'the path is too long',
};

/**
 * Makes a one-line message out of anything thrown. A file-system error becomes its reason in
 * words, without Node's code and call; callers put the path in front (see `errorPath`).
 *
 * @example
 * errorMessage(Object.assign(new Error("ENOENT: no such file or directory, open 'a.txt'"), { code: 'ENOENT', syscall: 'open', path: 'a.txt' })); // 'no such file or directory'
 */
export function errorMessage(err: unknown): string {
  const e = err as { code?: unknown; syscall?: unknown } | undefined;
  if (err instanceof Error && typeof e?.syscall === 'string' && typeof e.code === 'string' && FS_ERRORS[e.code]) return FS_ERRORS[e.code];
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}

/** The path a file-system error is about, when it has one (to prefix `errorMessage`). */
export function errorPath(err: unknown): string | undefined {
  const e = err as { syscall?: unknown; path?: unknown } | undefined;
  return err instanceof Error && typeof e?.syscall === 'string' && typeof e.path === 'string' ? e.path : undefined;
}
