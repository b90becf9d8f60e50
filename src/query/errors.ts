/** A query the user can fix; the CLI prints the message alone, without a stack trace. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}
