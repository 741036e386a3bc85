/** The one place where an error becomes a response, in Payload's shape `{ errors: [{ message }] }`. */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Payload } from 'payload'

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ errors: [{ message: `Route not found "${req.path}"` }] })
}

export const errorResponder =
  (payload: Payload): ErrorRequestHandler =>
  (err, req, res, _next) => {
    const status: number = err.status ?? err.statusCode ?? 500
    if (status >= 500) payload.logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    if (res.headersSent) {
      res.destroy(err)
      return
    }
    const message = status >= 500 ? 'Something went wrong.' : err.expose === false ? 'Bad request' : err.message
    res.status(status).json({ errors: [{ message }] })
  }
