/** Recognises a foreign-key violation from either database driver. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: string; message?: string };
  return code === '23503' || (code === 'SQLITE_CONSTRAINT' && /FOREIGN KEY/i.test(message ?? ''));
}

/** Recognises a unique-constraint violation from either database driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: string; message?: string };
  return code === '23505' || (code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(message ?? ''));
}
