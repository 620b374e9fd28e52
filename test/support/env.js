// Quiet logs and a fixed secret for every test process.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.SESSION_SECRET = process.env.SESSION_SECRET || 'test-session-secret-that-is-long-enough';
