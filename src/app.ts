/**
 * createApp(): the express app that hosts everything — Payload REST and GraphQL under /api,
 * static files that plugins register, and the Next.js admin panel and portal. It builds; it does
 * not listen (src/lifecycle.ts does), so tests drive it with supertest.
 */
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { env } from './env'
import { CLIENT_ADDRESS_HEADER, setRateLimitScale } from './http/rateLimit'
import { refuseOpaqueOrigin } from './http/opaqueOrigin'
import { queryGuard } from './http/queryGuard'
import { watchInterruptedJobs } from './operations/interruptedJobs'
import { requestLimits } from './http/requestLimits'
import express, { type Express } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { closeDatabase } from './db'
import { sendFetchResponse, toFetchRequest } from './http/fetchBridge'
import { errorResponder, notFound } from './http/errors'
import { requestLogger } from './http/requestLogger'
import { PROJECT_ROOT } from './paths'
import { loopbackOf } from './loopback'
import { type StaticRoute, staticRoutesOf } from './staticRoutes'

export type AppOptions = {
  /** The Payload config; defaults to payload.config.ts. */
  config?: Promise<SanitizedConfig> | SanitizedConfig
  /** Serve the admin panel and portal through Next.js; tests of the API leave it off. */
  next?: false | { dev: boolean }
}

export type App = {
  app: Express
  payload: Payload
  /**
   * Called by listen() with the address this process reaches itself at: Next.js starts there. It
   * fetches its own pages from that address (a server action's redirect comes back with the next
   * page in one response), forwarding the visitor's cookies; left unset it would use
   * localhost:3000, which may be another program.
   */
  listening: (self: Self) => Promise<void>
  /** Closes what createApp opened: Next.js and the database. */
  close: () => Promise<void>
}

type Self = { hostname: string; port: number }
type NextServer = { handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>; close: () => Promise<void> }

async function startNextServer(dev: boolean, self: Self): Promise<NextServer> {
  const { default: next } = await import('next')
  // As `next start` does: without it Next builds the address from X-Forwarded-Proto as well, and
  // behind a TLS proxy would fetch https:// from this plain-HTTP port.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${self.hostname.includes(':') ? `[${self.hostname}]` : self.hostname}:${self.port}`
  const nextApp = next({ dev, dir: PROJECT_ROOT, ...self })
  await nextApp.prepare()
  return { handle: nextApp.getRequestHandler(), close: () => nextApp.close() }
}

export async function createApp(options: AppOptions = {}): Promise<App> {
  const config = await (options.config ?? (await import('@payload-config')).default)
  const payload = await getPayload({ config })
  const graphql = GRAPHQL_POST(config)

  const app = express()
  app.disable('x-powered-by')
  // The admin panel and the H5P player run inline scripts, so no CSP here; the rest of helmet's
  // headers (nosniff, frame and referrer policies, HSTS behind TLS) apply everywhere. Referrers
  // stay on this site (`same-origin`): helmet's `no-referrer` also made browsers post forms with
  // `Origin: null`, which the portal's server actions failed on (src/http/opaqueOrigin.ts).
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } }))
  app.use(requestLogger(payload))
  const settings = env()
  // The client's address behind a reverse proxy (TRUST_PROXY): per-address limits count clients, not the proxy.
  app.set('trust proxy', /^\d+$/.test(settings.TRUST_PROXY) ? Number(settings.TRUST_PROXY) : settings.TRUST_PROXY)
  setRateLimitScale(settings.RATE_LIMIT_SCALE)
  app.use(requestLimits({ jsonBodyBytes: settings.JSON_BODY_LIMIT_KB * 1024 }))
  app.use('/api', queryGuard)
  // Jobs a killed process left half done go back to the queue (src/operations/interruptedJobs.ts).
  const stopWatchingJobs = settings.JOBS_AUTORUN === 'true' ? watchInterruptedJobs(payload, settings.JOBS_STALE_AFTER_SECONDS) : () => {}

  const payloadHandler = (handler: (request: Request) => Promise<Response>): express.RequestHandler =>
    async (req, res, next) => {
      try {
        await sendFetchResponse(await handler(toFetchRequest(req, res)), res)
      } catch (error) {
        next(error)
      }
    }

  app.post('/api/graphql', payloadHandler(graphql))
  app.use('/api', payloadHandler((request) => handleEndpoints({ config, request })))
  // Well-known URIs live at the root by definition; plugins serve them as Payload root endpoints.
  app.get('/.well-known/{*rest}', (req, res, next) =>
    payloadHandler((request) => handleEndpoints({ config, request, path: `/api${req.path}` }))(req, res, next),
  )

  for (const route of staticRoutesOf(config)) mountStatic(app, route)

  let nextServer: Promise<NextServer> | undefined
  const nextOptions = options.next
  const startNext = nextOptions
    ? (self: Self) =>
        (nextServer ??= startNextServer(nextOptions.dev, self).catch((failure: unknown) => {
          nextServer = undefined // the next request tries again
          throw failure
        }))
    : undefined
  if (startNext) {
    app.all('/{*path}', refuseOpaqueOrigin, async (req, res) => {
      req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? 'unknown'
      // Not yet started only when nothing called listen(): supertest, which binds a port for one
      // request; a later form's redirect then comes as a plain redirect, Next's fetch failing.
      const { handle } = await startNext({ hostname: loopbackOf(req.socket.localAddress), port: req.socket.localPort! })
      return handle(req, res)
    })
  } else {
    app.use(notFound)
  }
  app.use(errorResponder(payload))

  return {
    app,
    payload,
    listening: async (self) => {
      await startNext?.(self)
    },
    close: async () => {
      stopWatchingJobs()
      await nextServer?.then((server) => server.close(), () => {})
      await payload.destroy()
      await closeDatabase(payload.db)
    },
  }
}

function mountStatic(app: Express, route: StaticRoute) {
  app.use(
    route.path,
    express.static(route.dir, { fallthrough: false, index: false, dotfiles: 'deny', setHeaders: route.setHeaders }),
  )
}
