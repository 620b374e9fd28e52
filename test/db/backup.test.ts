import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupSqlite, openDb } from '../../src/db/knex';
import { migrateAndImportContent } from '../../src/bootstrap';

describe('SQLite backup', () => {
  test('when the live database is backed up, then the copy is complete and intact, and an existing file is never overwritten', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-backup-'));
    const db = openDb({ client: 'sqlite', filename: path.join(dir, 'live.sqlite') });
    try {
      await migrateAndImportContent(db);
      const target = path.join(dir, 'backup.sqlite');
      await backupSqlite(db, target);
      const copy = openDb({ client: 'sqlite', filename: target });
      try {
        expect(Object.values((await copy.raw('PRAGMA integrity_check'))[0])[0]).toBe('ok');
        expect(await copy('sentences').count({ n: '*' }).first()).toEqual(await db('sentences').count({ n: '*' }).first());
      } finally {
        await copy.destroy();
      }
      await expect(backupSqlite(db, target)).rejects.toThrow(/exists/);
      await expect(backupSqlite(db, undefined)).rejects.toThrow(/Give the backup file/);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
