// Quiet logs and a fixed secret for every test process.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.SESSION_SECRET = process.env.SESSION_SECRET || 'test-session-secret-that-is-long-enough';
// Cheap password hashing in tests (the format and code path are the production ones).
process.env.FACTLINE_SCRYPT_LOG2N = process.env.FACTLINE_SCRYPT_LOG2N || '10';
