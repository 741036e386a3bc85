/**
 * The portal's routing rule: a route file under src/app/(portal)/ that shows a plugin's page asks
 * whether that plugin is enabled (and answers 404 when it is not), and a disabled plugin does not
 * name itself among the portal's plugins.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Config, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { addCredentialKeys } from '../../src/credentials/keys'
import { creditsPlugin } from '../../plugins/credits'
import { openCoursesPlugin } from '../../plugins/open-courses'
import { portalPluginEnabled } from '../../src/portal/plugins'

const ROUTES = path.resolve('src/app/(portal)')
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]))

describe('portal routes', () => {
  const pages = files(ROUTES).filter((file) => /page\.tsx$/.test(file))

  it.each(pages.map((file) => [path.relative(ROUTES, file), file]))('%s asks whether the plugin it shows is enabled', (_, file) => {
    const source = readFileSync(file, 'utf8')
    const shown = [...source.matchAll(/plugins\/([\w-]+)\/portal\//g)].map((m) => m[1])
    for (const plugin of new Set(shown)) expect(source).toContain(`await requirePortalPlugin('${plugin}')`)
  })

  it('lists only enabled plugins among the portal’s', () => {
    const base: Config = { collections: [{ slug: 'courses', fields: [] }, { slug: 'modules', fields: [] }, { slug: 'enrollments', fields: [] }, { slug: 'completions', fields: [] }], secret: 'x', db: {} as never }
    const both = creditsPlugin({ publicUrl: 'http://localhost' })(openCoursesPlugin({ dataDir: '/tmp' })(addCredentialKeys(base, { dataDir: '/tmp', issuer: { publicUrl: 'http://localhost', name: 'LianPei', email: 'credentials@lianpei.local' } }))) as unknown as SanitizedConfig
    expect(portalPluginEnabled(both, 'open-courses')).toBe(true)
    expect(portalPluginEnabled(both, 'credits')).toBe(true)
    const neither = creditsPlugin({ enabled: false })(openCoursesPlugin({ enabled: false })(base)) as unknown as SanitizedConfig
    expect(portalPluginEnabled(neither, 'open-courses')).toBe(false)
    expect(portalPluginEnabled(neither, 'credits')).toBe(false)
  })
})
