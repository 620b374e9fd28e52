import path from 'node:path';
import { z } from 'zod';
import { parseAllowList } from './outbound/address-policy';

const ROOT = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');

const booleanFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value));
/** The default of MIN_REVIEWS_FOR_CONSENSUS: two ordinal checks make a consensus. */
export const DEFAULT_MIN_REVIEWS = 2;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:|\/|\.)/, 'DATABASE_URL must start with postgres://, sqlite:, file: or be a file path')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  COOKIE_SECURE: booleanFromEnv.optional(),
  MIN_REVIEWS_FOR_CONSENSUS: z.coerce.number().int().min(1).max(20).default(DEFAULT_MIN_REVIEWS),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_BASE_URL must be an http(s) URL such as https://factcheck.example.org' }).optional(),
  PUBLISHER_NAME: z.string().min(1).max(200).default('Factline newsroom'),
  FACTLINE_QUERY_COUNT: booleanFromEnv.optional(),
  OUTBOUND_ALLOW_HOSTS: z
    .string()
    .regex(
      /^\s*([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?\s*(,\s*([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?\s*)*$|^\s*$/i,
      'OUTBOUND_ALLOW_HOSTS must be a comma-separated list of host or host:port',
    )
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// address, such as smtps://user:password@smtp.example.org')
    .optional(),
  MAIL_FROM: z.string().min(3).max(300, 'MAIL_FROM must be at most 300 characters').optional(),
  PAGE_CACHE_MB: z.coerce.number().int().min(0, 'PAGE_CACHE_MB must be 0 (off) or more').max(4096).default(64),
  TRUST_PROXY: z
    .string()
    .regex(/^(loopback|linklocal|uniquelocal|[0-9a-f.:/, ]+)$/i, 'TRUST_PROXY must be loopback, linklocal, uniquelocal or a list of addresses/subnets')
    .default('loopback'),
});

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Undefined: the app generates one and keeps it in the database (with a warning). */
  sessionSecret?: string;
  logLevel: string;
  production: boolean;
  cookieSecure: boolean;
  minReviewsForConsensus: number;
  /** Absolute base for links in ClaimReview and Web Annotation output (no trailing slash). */
  publicBaseUrl: string;
  /** The fact-checking organisation named as ClaimReview's author. */
  publisherName: string;
  /** Diagnostic: report each request's SQL query count in X-Query-Count (the benchmark uses it). */
  queryCountHeader: boolean;
  /** Hosts (`host` or `host:port`) the safe fetcher may reach even on internal addresses (OUTBOUND_ALLOW_HOSTS). */
  outboundAllowHosts: string[];
  /** The SMTP server notification emails go through (SMTP_URL); null: no email is sent. */
  smtpUrl: string | null;
  /** The From of notification emails (MAIL_FROM). */
  mailFrom: string;
  /** Upper bound of the anonymous page cache, in bytes (PAGE_CACHE_MB). */
  pageCacheBytes: number;
  /** Which proxies' X-Forwarded-For to believe (Express's `trust proxy`). */
  trustProxy: string;
  rootDir: string;
}

export type DatabaseConfig = { client: 'sqlite'; filename: string } | { client: 'postgres'; connectionString: string };

export function databaseConfigFrom(url: string | undefined, rootDir = ROOT): DatabaseConfig {
  if (!url) return { client: 'sqlite', filename: path.join(rootDir, 'data', 'factline.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { client: 'postgres', connectionString: url };
  const filename = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { client: 'sqlite', filename: path.resolve(rootDir, filename) };
}

/** Reads the environment once at start-up; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const publicBaseUrl = (values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    database: databaseConfigFrom(values.DATABASE_URL),
    sessionSecret: values.SESSION_SECRET,
    logLevel: values.LOG_LEVEL,
    production,
    cookieSecure: values.COOKIE_SECURE ?? false,
    minReviewsForConsensus: values.MIN_REVIEWS_FOR_CONSENSUS,
    publicBaseUrl,
    publisherName: values.PUBLISHER_NAME,
    queryCountHeader: values.FACTLINE_QUERY_COUNT ?? false,
    pageCacheBytes: values.PAGE_CACHE_MB * 1024 * 1024,
    smtpUrl: values.SMTP_URL ?? null,
    mailFrom: values.MAIL_FROM ?? `Factline <factline@${new URL(publicBaseUrl).hostname}>`,
    outboundAllowHosts: parseAllowList(values.OUTBOUND_ALLOW_HOSTS),
    trustProxy: values.TRUST_PROXY,
    rootDir: ROOT,
  };
}

export const PROJECT_ROOT = ROOT;
