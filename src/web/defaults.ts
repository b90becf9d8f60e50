// Where `serve` listens unless told otherwise; apart from the server so that
// the command line can show them without loading it.
export const DEFAULT_PORT = 8765;
export const DEFAULT_HOST = '127.0.0.1';
