import { describe, expect, it } from 'vitest';
import { toProblem } from './problem';

/** Errors as node-postgres raises them when PostgreSQL restarts under a request. */
function pgError(message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), fields);
}

describe('a lost database is a 503 DATABASE_UNAVAILABLE', () => {
  it.each([
    [
      'a backend ended by a fast shutdown (57P01)',
      pgError('terminating connection due to administrator command', { code: '57P01' }),
    ],
    ['a connection while the cluster starts (57P03)', pgError('the database system is starting up', { code: '57P03' })],
    ['a connection exception (08006)', pgError('connection failure', { code: '08006' })],
    [
      'a refused new connection',
      pgError('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
    ],
    [
      'a new connection reset while the cluster stops',
      pgError('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' }),
    ],
    ['a connection dropped under the query', pgError('Connection terminated unexpectedly')],
    ['a client already broken', pgError('Client has encountered a connection error and is not queryable')],
  ])('%s', (_name, error) => {
    expect(toProblem(error)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it.each([
    ['a constraint violation (23505)', pgError('duplicate key value violates unique constraint', { code: '23505' })],
    [
      'a file that is not there',
      pgError("ENOENT: no such file or directory, open 'x'", { code: 'ENOENT', syscall: 'open' }),
    ],
    ['any other error', new Error('boom')],
  ])('but not %s', (_name, error) => {
    expect(toProblem(error)).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
