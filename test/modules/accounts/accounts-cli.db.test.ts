import { servicesOf } from '../../support/services';
import { runAccountsCommand } from '../../../src/modules/accounts/accounts-cli';

import { AppError } from '../../../src/lib/errors';
import { countRows, createTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.destroy());

function io(stdin = '') {
  const lines: string[] = [];
  return { lines, io: { readLine: async () => stdin, out: (text: string) => lines.push(text) } };
}

describe('operator CLI', () => {
  test('when a user is added with a password on stdin, then they can sign in with it and have the role', async () => {
    const { lines, io: cli } = io('a strong password\n');
    expect(await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'Desk', '--role', 'editor', '--display-name', 'Desk Editor'], cli)).toBe(
      0,
    );
    expect(lines).toEqual(['created desk (editor)']);
    const user = await servicesOf(database.db).accounts.signIn('desk', 'a strong password', { ip: null, deviceId: null });
    expect(user).toMatchObject({ username: 'desk', role: 'editor', displayName: 'Desk Editor' });
  });

  test('when the role is unknown or the password short, then it fails with a clear message and creates nothing', async () => {
    await expect(runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'desk', '--role', 'chief'], io('a strong password').io)).rejects.toThrow(
      /role: must be one of reviewer, editor, admin/,
    );
    await expect(runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'desk', '--role', 'editor'], io('short').io)).rejects.toThrow(
      /password: must be at least 10 characters/,
    );
    expect(await countRows(database.db, 'users')).toBe(0);
  });

  test('when a token is created, then only the token is printed and it authenticates the user', async () => {
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'bot', '--role', 'reviewer'], io('a strong password').io);
    const { lines, io: cli } = io();
    await runAccountsCommand(servicesOf(database.db).accounts, ['token', 'create', 'bot'], cli);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    expect(await servicesOf(database.db).accounts.authenticateToken(lines[0])).toMatchObject({ username: 'bot' });
  });

  test('when a token is revoked, then it no longer authenticates', async () => {
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'bot', '--role', 'reviewer'], io('a strong password').io);
    const created = io();
    await runAccountsCommand(servicesOf(database.db).accounts, ['token', 'create', 'bot'], created.io);
    const { id } = await database.db('api_tokens').first('id');
    await runAccountsCommand(servicesOf(database.db).accounts, ['token', 'revoke', String(id), '--user', 'bot'], io().io);
    expect(await servicesOf(database.db).accounts.authenticateToken(created.lines[0])).toBeNull();
  });

  test('when a role is changed and users listed, then the list shows it', async () => {
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'ann', '--role', 'reviewer'], io('a strong password').io);
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'role', 'ann', 'admin'], io().io);
    const { lines, io: cli } = io();
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'list'], cli);
    expect(lines).toEqual(['ann\tadmin']);
  });

  test('when the command is unknown, then the usage is the error', async () => {
    const error = await runAccountsCommand(servicesOf(database.db).accounts, ['frobnicate'], io().io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('Usage: npm run -s cli -- COMMAND');
  });
});

describe('operator CLI is audited', () => {
  test('when an operator adds a user, promotes them, and creates and revokes a token, then each writes one audit event marked as from the CLI', async () => {
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'add', 'ops', '--role', 'reviewer'], io('a strong password').io);
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'role', 'ops', 'admin'], io().io);
    await runAccountsCommand(servicesOf(database.db).accounts, ['user', 'role', 'ops', 'admin'], io().io); // no change: no event
    await runAccountsCommand(servicesOf(database.db).accounts, ['token', 'create', 'ops'], io().io);
    const { id } = await database.db('api_tokens').first('id');
    await runAccountsCommand(servicesOf(database.db).accounts, ['token', 'revoke', String(id), '--user', 'ops'], io().io);
    const events = await database.db('audit_events').orderBy('id').select('event', 'subject', 'details', 'actor_id');
    expect(events.map((e: { event: string }) => e.event)).toEqual(['account.created', 'account.role_changed', 'token.created', 'token.revoked']);
    for (const event of events) {
      expect(event).toMatchObject({ subject: 'ops', actor_id: null });
      expect(JSON.parse(event.details).via).toBe('cli');
    }
    expect(JSON.parse(events[1].details)).toMatchObject({ from: 'reviewer', to: 'admin' });
  });
});
