/** Listening and graceful shutdown, kept out of server.ts so that tests can drive them. */
import type { Server } from 'node:http'
import type { App } from './app'
import { loopbackOf } from './loopback'

export type RunningServer = {
  server: Server
  port: number
  /** Stop accepting, let in-flight requests finish (up to `graceMs`), then close the database. */
  shutdown: (graceMs?: number) => Promise<void>
}

/** Resolves once the server listens and, when it serves pages, Next.js has started (see App.listening). */
export function listen(app: App, port: number, host?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
      if (error) return reject(error)
      const address = server.address()
      const actualPort = typeof address === 'object' && address ? address.port : port
      // The address bound, not the name asked for: a host name may resolve to other machines too.
      const boundHost = typeof address === 'object' && address ? address.address : host
      let stopping: Promise<void> | undefined
      const shutdown = (graceMs = 10_000) =>
        (stopping ??= (async () => {
          const closed = new Promise<void>((done) => server.close(() => done()))
          // Keep-alive connections that are idle would hold close() open forever.
          server.closeIdleConnections()
          const timer = setTimeout(() => server.closeAllConnections(), graceMs)
          await closed
          clearTimeout(timer)
          await app.close()
        })())
      app.listening({ hostname: loopbackOf(boundHost), port: actualPort }).then(
        () => resolve({ server, port: actualPort, shutdown }),
        (failure: unknown) => shutdown(0).then(() => reject(failure), () => reject(failure)),
      )
    })
  })
}
