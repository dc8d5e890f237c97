import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * The requests a server is still working on, so a stopping server closes its database only after
 * the last of them. A request counts until its response has closed (sent, or its connection lost)
 * and its route handler has settled: a handler whose client went away may still be writing.
 */
export interface InFlightRequests {
  /** Adds the hooks that count requests; call it before any route is added. */
  attach(app: FastifyInstance): void;
  /** How many requests are in flight now. */
  readonly size: number;
  /** Resolves once no request is in flight (at once when none is). */
  settled(): Promise<void>;
}

interface Entry {
  responseClosed: boolean;
  handlersRunning: number;
}

/** Counts requests from their arrival to the end of both their response and their handler. */
export function createInFlightRequests(): InFlightRequests {
  const entries = new Map<IncomingMessage, Entry>();
  let waiters: (() => void)[] = [];
  const release = (raw: IncomingMessage, entry: Entry) => {
    if (!entry.responseClosed || entry.handlersRunning > 0 || entries.get(raw) !== entry) return;
    entries.delete(raw);
    if (entries.size > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const wake of waiting) wake();
  };

  return {
    attach(app) {
      app.addHook('onRequest', async (request, reply) => {
        const entry: Entry = { responseClosed: false, handlersRunning: 0 };
        entries.set(request.raw, entry);
        reply.raw.once('close', () => {
          entry.responseClosed = true;
          release(request.raw, entry);
        });
      });
      app.addHook('onRoute', (route) => {
        const handler = route.handler;
        // Not an async wrapper: a handler that answers through reply.send() and returns nothing
        // must keep returning nothing, or Fastify would wait for a promise value.
        route.handler = function countedHandler(this: FastifyInstance, request, reply) {
          const entry = entries.get(request.raw);
          if (!entry) return handler.call(this, request, reply);
          entry.handlersRunning += 1;
          const settle = () => {
            entry.handlersRunning -= 1;
            release(request.raw, entry);
          };
          let result: unknown;
          try {
            result = handler.call(this, request, reply);
          } catch (error) {
            settle();
            throw error;
          }
          if (result instanceof Promise) result.then(settle, settle);
          else settle();
          return result;
        } as typeof handler;
      });
    },
    get size() {
      return entries.size;
    },
    settled() {
      if (entries.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
