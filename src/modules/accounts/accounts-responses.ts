import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';
import { ROLES } from './roles';

/** The API's account shapes (what accounts-presenter.ts produces). */
export const UserJson = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: isoDate,
});

export const TokenJson = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDate,
  lastUsedAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
});

export const MeResponse = z.object({ user: UserJson, csrfToken: z.string().optional() });
export const TokensResponse = z.object({ tokens: z.array(TokenJson) });
export const NewTokenResponse = TokenJson.extend({ token: z.string().regex(/^fl_/) });
export const UsersResponse = z.object({ users: z.array(UserJson) });
