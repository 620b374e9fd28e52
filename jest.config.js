// Jest runs every test on SQLite; the database tests (*.http.test.ts, *.db.test.ts) run a
// second time on PostgreSQL when one answers. In CI (CI=true) PostgreSQL is required.
const net = require('node:net');

const PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
  setupFiles: ['<rootDir>/test/support/env.js'],
};

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

module.exports = async () => {
  const projects = [{ ...base, displayName: 'sqlite', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/e2e/', '/reliability/'] }];
  // Browser tests drive Debian's Chromium (never a downloaded browser); CI installs it.
  if (require('node:fs').existsSync(CHROMIUM)) {
    projects.push({ ...base, displayName: 'browser', testMatch: ['**/e2e/**/*.e2e.test.ts'], testTimeout: 60000 });
  } else if (process.env.CI) {
    throw new Error(`Chromium is not at ${CHROMIUM}; CI runs the browser tests (apt-get install -y chromium).`);
  } else {
    console.warn(`\n[factline] No Chromium at ${CHROMIUM}: the browser tests are skipped (apt-get install -y chromium).\n`);
  }
  if (await reachable(PG_URL)) {
    projects.push({
      ...base,
      displayName: 'postgres',
      testMatch: ['**/*.http.test.ts', '**/*.db.test.ts'],
      testPathIgnorePatterns: ['/e2e/', '/reliability/'],
      globals: { FACTLINE_TEST_DATABASE: 'postgres' },
    });
  } else if (process.env.CI) {
    throw new Error(`PostgreSQL is not reachable at ${PG_URL}; CI runs every database test on it too.`);
  } else {
    console.warn(`\n[factline] PostgreSQL not reachable at ${PG_URL}: the PostgreSQL pass is skipped (set TEST_PG_URL).\n`);
  }
  return { projects, testTimeout: 20000 };
};
