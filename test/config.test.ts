import path from 'node:path';
import { databaseConfigFrom, loadConfig, PROJECT_ROOT } from '../src/config';

describe('loadConfig', () => {
  test('when nothing is set, then it serves on 3000 from an SQLite file under data/', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ client: 'sqlite', filename: path.join(PROJECT_ROOT, 'data', 'factline.sqlite') });
    expect(config.sessionSecret).toBeUndefined();
    expect(config.minReviewsForConsensus).toBe(2);
  });

  test('when DATABASE_URL is a postgres URL, then PostgreSQL is selected', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/factline' }).database).toEqual({
      client: 'postgres',
      connectionString: 'postgres://u@db:5432/factline',
    });
  });

  test('when DATABASE_URL names an SQLite file, then the path is resolved from the project root', () => {
    expect(databaseConfigFrom('sqlite:data/other.sqlite', '/srv/app')).toEqual({ client: 'sqlite', filename: '/srv/app/data/other.sqlite' });
    expect(databaseConfigFrom('/var/lib/factline.db', '/srv/app')).toEqual({ client: 'sqlite', filename: '/var/lib/factline.db' });
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ OUTBOUND_ALLOW_HOSTS: 'cms.internal, http://evil/' }, /OUTBOUND_ALLOW_HOSTS/],
    [{ PAGE_CACHE_MB: '-1' }, /PAGE_CACHE_MB/],
    [{ SMTP_URL: 'mail.example.org:25' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/],
  ])('when the environment has %p, then start-up stops with a message naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('when OUTBOUND_ALLOW_HOSTS and PAGE_CACHE_MB are set, then they are read; unset, nothing is allowed and the cache is 64 MB', () => {
    expect(loadConfig({ OUTBOUND_ALLOW_HOSTS: 'CMS.internal, 127.0.0.1:8080, [::1]:9000' }).outboundAllowHosts).toEqual([
      'cms.internal',
      '127.0.0.1:8080',
      '[::1]:9000',
    ]);
    expect(loadConfig({}).outboundAllowHosts).toEqual([]);
    expect(loadConfig({}).pageCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ PAGE_CACHE_MB: '8' }).pageCacheBytes).toBe(8 * 1024 * 1024);
  });

  test('when SMTP_URL is set, then email is on, from MAIL_FROM or else an address at the public host; unset, no email is sent', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    const config = loadConfig({ SMTP_URL: 'smtps://desk:secret@smtp.example.org', PUBLIC_BASE_URL: 'https://factcheck.example.org/' });
    expect(config.smtpUrl).toBe('smtps://desk:secret@smtp.example.org');
    expect(config.mailFrom).toBe('Factline <factline@factcheck.example.org>');
    expect(loadConfig({ MAIL_FROM: 'Desk <desk@example.org>' }).mailFrom).toBe('Desk <desk@example.org>');
  });
});
