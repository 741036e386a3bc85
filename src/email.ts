/**
 * Email through nodemailer: SMTP when SMTP_URL is set, otherwise every message is written to
 * DATA_DIR/outbox/ as an .eml file, so development loses nothing and needs no mail server.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'
import type { Transport } from 'nodemailer'
import type { Env } from './env'

function outboxTransport(dir: string) {
  const transport: Transport = {
    name: 'lianpei-outbox',
    version: '1',
    send(mail: MailMessage, callback) {
      mail.message.build((err: Error | null, message: Buffer) => {
        if (err) return callback(err)
        mkdirSync(dir, { recursive: true })
        const messageId = mail.message.messageId()
        const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^\w.-]/g, '')}.eml`
        writeFileSync(path.join(dir, file), message)
        callback(null, { envelope: mail.message.getEnvelope(), messageId } as never)
      })
    },
  }
  return nodemailer.createTransport(transport)
}

function parseFrom(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from)
  return match ? { name: match[1].replace(/^"|"$/g, ''), address: match[2] } : { name: '', address: from.trim() }
}

export function emailAdapter(env: Env) {
  const from = parseFrom(env.EMAIL_FROM)
  return nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    skipVerify: true,
    transport: env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : outboxTransport(path.join(env.DATA_DIR, 'outbox')),
  })
}
