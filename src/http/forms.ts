import type { Request, Response } from 'express';
import { AppError } from '../lib/errors';
import { parseRequest, type ApiInput, type InputSchemas } from './routes';

/**
 * Wraps a form's POST handler: when it throws a client error (bad input, conflict, …) the form
 * is shown again with the person's values and the message, with the error's status code.
 * Passwords are never echoed back; `echo` decides under which names the typed values return.
 */
export function renderForm<R extends Request = Request>(
  view: string,
  locals: Record<string, unknown> | ((req: R) => Promise<Record<string, unknown>>),
  handler: (req: R, res: Response) => Promise<void>,
  echo: (values: Record<string, unknown>) => Record<string, unknown> = (values) => ({ values }),
): (req: R, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'unauthenticated') throw error;
      const { password: _password, _csrf, ...values } = (req.body ?? {}) as Record<string, unknown>;
      const extra = typeof locals === 'function' ? await locals(req) : locals;
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      res.status(error.status).render(view, { ...extra, ...echo(values), error: error.message });
    }
  };
}

/**
 * A form's POST handler with its input schemas declared: the request is parsed inside the form's
 * error handling, so bad input re-renders the form with its message, and the handler receives
 * typed input.
 */
export function form<D extends InputSchemas, R extends Request = Request>(
  schemas: D,
  view: string,
  locals: Record<string, unknown> | ((req: R) => Promise<Record<string, unknown>>),
  handler: (input: ApiInput<D>, req: R, res: Response) => Promise<void>,
  echo?: (values: Record<string, unknown>) => Record<string, unknown>,
): (req: R, res: Response) => Promise<void> {
  return renderForm<R>(view, locals, (req, res) => handler(parseRequest(schemas, req), req, res), echo);
}
