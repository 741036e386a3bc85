/**
 * `npm start` compiles the server (esbuild, a second) and builds the admin panel only when its
 * inputs changed since the last build, so a fresh clone builds once and a restart starts at once.
 * The inputs' hash is kept beside the Next.js build.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { options } from './compile.mjs'

const root = process.cwd()
const INPUTS = ['package-lock.json', 'next.config.mjs', 'payload.config.ts', 'tsconfig.json', 'collections', 'plugins', 'src']
const stamp = path.join(root, '.next', 'lianpei-inputs.sha256')

await esbuild.build(options)

function* files(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return
  if (statSync(full).isFile()) {
    yield entry
    return
  }
  for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name))
}

const hash = createHash('sha256')
for (const input of INPUTS) {
  for (const file of files(input)) hash.update(file).update(readFileSync(path.join(root, file)))
}
const digest = hash.digest('hex')

if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.exit(0)
}
process.stdout.write('Building the admin panel (about a minute; only when its sources change)…\n')
const build = spawnSync('npm', ['run', 'build:admin'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
writeFileSync(stamp, digest)
