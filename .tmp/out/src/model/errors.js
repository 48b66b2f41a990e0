/** An error a user can act on: a short code and a one-line message, never a stack trace. */
export class SpinscopeError extends Error {
    code;
    details;
    constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'SpinscopeError';
    }
}
/** Makes a one-line message out of anything thrown. */
export function errorMessage(err) {
    if (err instanceof Error)
        return err.message.split('\n')[0];
    return String(err);
}
