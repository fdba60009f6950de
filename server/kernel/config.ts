import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Process configuration, read once from the environment. */
export type Config = {
  host: string;
  port: number;
  /** Folder of the embedded PGlite database; ignored when databaseUrl is set. */
  dataDir: string;
  /** postgres://… — when set, PostgreSQL is used instead of PGlite. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Secure cookies only behind HTTPS. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Largest uploaded file (imports), in bytes. */
  uploadLimit: number;
  /** Login attempts allowed per IP per minute. */
  loginRateLimit: number;
  webDist: string;
  /** Address the public reaches this server at (QR codes on certificates point here). */
  publicUrl: string;
  /** Run background jobs in this process (false for processes that only serve requests). */
  jobRunner: boolean;
  /** Public certificate look-ups and PDF downloads allowed per IP per minute. */
  certificateRateLimit: number;
  /** Largest plan attachment (signed PDF or DOCX), in bytes. */
  attachmentLimit: number;
  /** smtp://user:pass@host:port — when set, reminders are also sent by email. */
  smtpUrl: string | undefined;
  /** Sender of those emails. */
  mailFrom: string;
  /** Reminders go to units whose report is due within this many days (or late). */
  reminderWithinDays: number;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy). Off by default: trusting the
   * header from anyone would let a client pick its own IP and walk past every rate limit.
   */
  trustProxy: boolean | string;
  /** Contest registration's proof of work: leading zero bits of sha256 (tiny in tests). */
  contestPowBits: number;
  /** Signs proof-of-work challenges; set it so every process accepts the others' challenges. */
  contestSecret: string;
  /** Contest registrations and attempt starts allowed per IP per minute. */
  contestRateLimit: number;
  /** Registration tries allowed per phone number per 10 minutes. */
  contestPhoneRateLimit: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.COOKIE_SECURE === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    bodyLimit: Number(env.BODY_LIMIT ?? 256 * 1024),
    uploadLimit: Number(env.UPLOAD_LIMIT ?? 10 * 1024 * 1024),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
    webDist: path.resolve(env.WEB_DIST ?? './dist/web'),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    jobRunner: env.JOB_RUNNER !== 'false',
    certificateRateLimit: Number(env.CERTIFICATE_RATE_LIMIT ?? 30),
    attachmentLimit: Number(env.ATTACHMENT_LIMIT ?? 20 * 1024 * 1024),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Phủ Xanh <no-reply@phuxanh.local>',
    reminderWithinDays: Number(env.REMINDER_WITHIN_DAYS ?? 7),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    contestPowBits: Number(env.CONTEST_POW_BITS ?? 16),
    contestSecret: env.CONTEST_SECRET || randomBytes(32).toString('hex'),
    contestRateLimit: Number(env.CONTEST_RATE_LIMIT ?? 60),
    contestPhoneRateLimit: Number(env.CONTEST_PHONE_RATE_LIMIT ?? 5),
  };
}

/** TRUST_PROXY: unset or false, true (any proxy), or the proxies' addresses ("10.0.0.1,10.0.0.0/8"). */
export function parseTrustProxy(value: string | undefined): boolean | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return text;
}
