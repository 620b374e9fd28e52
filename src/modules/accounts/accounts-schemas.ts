import { z } from 'zod';
import { personName, text } from '../../lib/text';
import { isCommonPassword } from './common-passwords';
import { ROLES } from './roles';

export const USERNAME_RULE = 'use 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit';

export const usernameSchema = text({ error: 'is required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, USERNAME_RULE);

/** At least 10 characters, and not one of the commonly used passwords (Mozilla's list for Firefox Accounts). */
export const passwordSchema = text({ error: 'is required' })
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .refine((password) => !isCommonPassword(password), 'is one of the most common passwords; choose another')
  .refine((password) => new Set(password).size > 2, 'must not repeat one or two characters');

export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

const displayNameSchema = personName(100)
  .optional()
  .transform((value) => (value ? value : undefined));

export const RegisterInput = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    displayName: displayNameSchema,
  })
  .refine((v) => !v.password.toLowerCase().includes(v.username), { message: 'must not contain the username', path: ['password'] });
export type RegisterInput = z.output<typeof RegisterInput>;

export const CreateUserInput = RegisterInput.safeExtend({ role: roleSchema });
export type CreateUserInput = z.output<typeof CreateUserInput>;

export const LoginInput = z.object({
  username: text({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').max(64),
  password: text({ error: 'is required' }).min(1, 'is required').max(200),
  /** Where to go after signing in; only a path on this site is followed (accounts-routes' safeReturnPath). */
  next: z.unknown().optional(),
});

export const ChangeRoleInput = z.object({ role: roleSchema });

/** Changing one's own password: the current one proves it is really you. */
export const ChangePasswordInput = z.object({
  currentPassword: text({ error: 'is required' }).min(1, 'is required').max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.output<typeof ChangePasswordInput>;

/** An admin's reset of someone's password. */
export const ResetPasswordInput = z.object({ password: passwordSchema });
export type ResetPasswordInput = z.output<typeof ResetPasswordInput>;

export type TokenNameInput = z.output<typeof TokenNameInput>;
export const TokenNameInput = z.object({
  name: text({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});

/** An on/off form field (self-registration, an account enabled). */
export const EnabledInput = z.object({
  enabled: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true'),
});

export { IdParam } from '../../lib/ids';
