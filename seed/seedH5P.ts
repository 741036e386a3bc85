/**
 * The demo's H5P content (seed/h5p/): each package's libraries installed as an administrator
 * would (`h5p-library-installs`), then the package uploaded as an author's. Idempotent: a package
 * is found by its title, and a library install is skipped when its main library is installed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { PROJECT_ROOT } from '../src/paths'

type Id = number | string

const PACKAGES: Array<{ file: string; title: string; mainLibrary: string }> = [{ file: 'true-false.h5p', title: '安全知识判断题', mainLibrary: 'H5P.TrueFalse' }]

export async function seedH5P(payload: Payload, progress: (message: string) => void): Promise<Map<string, Id>> {
  const ids = new Map<string, Id>()
  for (const { file, title, mainLibrary } of PACKAGES) {
    const data = readFileSync(path.join(PROJECT_ROOT, 'seed', 'h5p', file))
    const upload = { data, mimetype: 'application/zip', name: file, size: data.length }
    const installed = await payload.count({ collection: 'h5p-libraries' as never, where: { machineName: { equals: mainLibrary } }, overrideAccess: true })
    if (installed.totalDocs === 0) {
      await payload.create({ collection: 'h5p-library-installs' as never, data: { note: `demo data: ${file}` } as never, file: upload, overrideAccess: true })
      progress(`  + h5p-libraries: installed from ${file}`)
    }
    const existing = await payload.find({ collection: 'h5p-packages' as never, where: { title: { equals: title } }, limit: 1, depth: 0, overrideAccess: true })
    if (existing.docs[0]) {
      ids.set(file, (existing.docs[0] as { id: Id }).id)
      continue
    }
    const created = (await payload.create({ collection: 'h5p-packages' as never, data: { title } as never, file: upload, overrideAccess: true })) as { id: Id }
    progress(`  + h5p-packages: ${title} (${file})`)
    ids.set(file, created.id)
  }
  return ids
}
