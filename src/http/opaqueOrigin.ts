/**
 * Refuses a page request that changes something (a form posted to a server action) from a page
 * of no origin: `Origin: null`, as a sandboxed frame, a local file or a privacy redirect sends it.
 * It cannot be one of the portal's own forms, and Next.js parses the header with `new URL()`, so
 * it answered such a request with a 500. The portal's own forms carry their origin: the referrer
 * policy (`same-origin`, set beside helmet) lets browsers send it, where `no-referrer` made them
 * send `null` for every form posted without JavaScript.
 */
import type { RequestHandler } from 'express'

export const refuseOpaqueOrigin: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.headers.origin !== 'null') return next()
  res
    .status(403)
    .type('text/plain; charset=utf-8')
    .send('这个表单来自没有来源的页面（沙盒框架或本地文件），已拒绝。\nA form posted from a page with no origin (a sandboxed frame or a local file) is refused.\n')
}
