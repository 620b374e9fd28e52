import http, { type RequestListener } from 'node:http';
import type { Express } from 'express';

type NodeConstructor = typeof http.IncomingMessage | typeof http.ServerResponse;

/**
 * A constructor that builds what `Base` builds, with `prototype` as the object's prototype from
 * the start. Node's own IncomingMessage and ServerResponse are plain functions, so they can
 * initialise an object made this way; were they ever classes (which refuse that), null.
 */
function constructingWith(Base: NodeConstructor, prototype: object): NodeConstructor | null {
  if (/^class\b/.test(Function.prototype.toString.call(Base))) return null;
  function Constructed(this: object, ...args: unknown[]) {
    Reflect.apply(Base, this, args);
  }
  Constructed.prototype = prototype;
  return Constructed as unknown as NodeConstructor;
}

/**
 * Node's HTTP server for the app, making each request and response with the app's own
 * prototypes (`app.request`, `app.response`) from the start. Express otherwise swaps the
 * prototype of every request and response it is handed (`Object.setPrototypeOf` in
 * `app.handle`); V8 answers each swap with new hidden classes, made in the old generation and
 * holding the request's young objects there until the next full collection. That promoted
 * about 25 KB a request under the write load and let the heap grow to four times its live size
 * (bench/FINDINGS.md). With the prototype already in place, Express's swap changes nothing.
 */
export function createAppServer(app: Express, listener: RequestListener = app): http.Server {
  const IncomingMessage = constructingWith(http.IncomingMessage, app.request);
  const ServerResponse = constructingWith(http.ServerResponse, app.response);
  if (!IncomingMessage || !ServerResponse) return http.createServer(listener);
  return http.createServer(
    { IncomingMessage: IncomingMessage as typeof http.IncomingMessage, ServerResponse: ServerResponse as typeof http.ServerResponse },
    listener,
  );
}
