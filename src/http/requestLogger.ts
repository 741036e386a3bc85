import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

/** One log line per request, through Payload's pino logger. */
export const requestLogger =
  (payload: Payload): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint()
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const level = res.statusCode >= 500 ? 'error' : 'info'
      payload.logger[level]({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request')
    })
    next()
  }
