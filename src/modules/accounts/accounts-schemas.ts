import { z } from 'zod';
import { ROLES } from '../../http/access';

export const USERNAME_RULE = 'use 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit';

export const usernameSchema = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, USERNAME_RULE);

export const passwordSchema = z
  .string({ error: 'is required' })
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

const displayNameSchema = z.string().trim().max(100, 'must be at most 100 characters').optional().or(z.literal('').transform(() => undefined));

export const RegisterInput = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});
export type RegisterInput = z.output<typeof RegisterInput>;

export const CreateUserInput = RegisterInput.extend({ role: roleSchema });
export type CreateUserInput = z.output<typeof CreateUserInput>;

export const LoginInput = z.object({
  username: z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').max(64),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(200),
});

export const ChangeRoleInput = z.object({ role: roleSchema });

export const TokenNameInput = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});

export const SelfRegistrationInput = z.object({
  enabled: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true'),
});

export const IdParam = z.object({ id: z.coerce.number({ error: 'must be a number' }).int().positive('must be a positive number') });
