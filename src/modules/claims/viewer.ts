import type { Request } from 'express';
import type { SignedInRequest } from '../../http/routes';
import type { Viewer } from './read-policy';

/** The signed-in person a request is from, as the read policy sees them. */
export const viewer = (req: SignedInRequest): Viewer => ({ id: req.user.id, role: req.user.role });

/** The person a request is from, or null for an anonymous reader. */
export const viewerOf = (req: Request): Viewer | null => (req.user ? viewer(req as SignedInRequest) : null);
