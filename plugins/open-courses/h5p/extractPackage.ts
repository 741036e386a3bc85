import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a validated package's files under `root/<id>`, through a partial folder renamed into
 * place at the end, so a failure leaves nothing behind and a reader never sees half a package.
 */
export async function extractPackage(files: Map<string, Buffer>, root: string, id: string | number): Promise<string> {
  const target = path.join(root, String(id))
  const partial = path.join(root, `.partial-${id}-${process.pid}`)
  try {
    for (const [name, data] of files) {
      const file = path.join(partial, name)
      if (!file.startsWith(partial + path.sep)) throw new Error(`refusing to write outside the package: ${name}`)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, data)
    }
    await rm(target, { recursive: true, force: true })
    await rename(partial, target)
    return target
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
}
