/**
 * A throwaway PostgreSQL cluster for the test run: initdb in a temporary folder, a free port on
 * loopback, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root the
 * server runs as the `postgres` system user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type Cluster = { url: string; stop: () => void }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

function binary(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name} || ls /usr/lib/postgresql/*/bin/${name} 2>/dev/null | tail -n 1`], { encoding: 'utf8' })
  const bin = found.stdout.trim().split('\n').pop()
  if (!bin) throw new Error(`${name} not found: install PostgreSQL's server (Debian: apt-get install postgresql)`)
  return bin
}

export async function startPostgresCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianpei-pg-'))
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  const run = (bin: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  }
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
  run(binary('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'])
  run(binary('pg_ctl'), [
    '-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(binary('pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
