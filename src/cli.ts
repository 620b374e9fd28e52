import readline from 'node:readline';
import { loadConfig } from './config';
import { backupSqlite, migrate, openDb } from './db/knex';
import { AppError } from './lib/errors';
import { runAccountsCommand } from './modules/accounts';
import { runStatsCommand } from './modules/review';
import { decisionsReader } from './modules/verdicts';
import { createServices } from './services';

/** The first line of standard input (for passwords: never a command-line argument, which `ps` shows). */
function readFirstLine(): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const db = openDb(config.database);
  try {
    await migrate(db);
    const args = process.argv.slice(2);
    if (args[0] === 'migrate') {
      console.log('database is up to date');
      return 0;
    }
    if (args[0] === 'backup') {
      await backupSqlite(db, args[1]);
      console.log(`backed up to ${args[1]}`);
      return 0;
    }
    if (args[0] === 'stats')
      return await runStatsCommand(db, args, decisionsReader(db, { minOrdinalChecks: config.minReviewsForConsensus }), (line) => console.log(line));
    return await runAccountsCommand(createServices(db, { minOrdinalChecks: config.minReviewsForConsensus }).accounts, args, {
      readLine: readFirstLine,
      out: (text) => console.log(text),
    });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return error.code === 'usage' ? 64 : 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
