/**
 * Source text for a benchmark's client thread (its CLIENT script): `openConnections(agent,
 * target, count)` opens the agent's keep-alive connections, one `GET /api/health` each, before
 * the clock starts, as a browser keeps its connection open across a lesson.
 *
 * Opened under load instead, they came in one per event-loop turn of the server (libuv, since
 * 1.45, accepts one connection a turn), and a turn of a busy server lasts as long as all the
 * requests it has read take: the last of 32 connections waited 3–5 s in bench/xapi-ingest's
 * first batch run after a reset, and that wait, not ingest, was its p99.
 */
export const OPEN_CONNECTIONS = `
  const openConnections = (agent, target, count) => Promise.all(Array.from({ length: count }, () => new Promise((resolve, reject) => {
    const req = require('node:http').request({ host: target.hostname, port: target.port, path: '/api/health', method: 'GET', agent }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('error', reject)
    req.end()
  })))
`
