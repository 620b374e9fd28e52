// Crash, load and shutdown tests against the production build (`npm run test:reliability`).
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
  setupFiles: ['<rootDir>/test/support/env.js'],
  testTimeout: 180000,
  maxWorkers: 1,
};
