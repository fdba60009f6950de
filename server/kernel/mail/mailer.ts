import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/** One plain-text email. */
export type MailMessage = { to: string; subject: string; text: string };

/** Sends email through the SMTP server of `SMTP_URL`. Callers send only after their commit. */
export type Mailer = { send(message: MailMessage): Promise<void>; close(): void };

/** The mailer for this configuration, or null when no SMTP server is configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}
