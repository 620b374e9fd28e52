import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/db/knex';

describe('SQLite connection settings', () => {
  test('when a database is opened, then it is in WAL mode with foreign keys, NORMAL sync and a busy timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-pragmas-'));
    const db = openDb({ client: 'sqlite', filename: path.join(dir, 'nested', 'x.sqlite') });
    try {
      const value = async (pragma: string) => Object.values((await db.raw(`PRAGMA ${pragma}`))[0])[0];
      expect(await value('journal_mode')).toBe('wal');
      expect(await value('foreign_keys')).toBe(1);
      expect(await value('synchronous')).toBe(1);
      expect(await value('busy_timeout')).toBe(5000);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
