/**
 * H5P test data: the fixtures in ../shared/fixtures/h5p, repacked with changes where a test needs
 * a package that no fixture is (an author's XHTML file, a newer library patch, script in content).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import yauzl from 'yauzl'
import yazl from 'yazl'

export const H5P_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/h5p')
export const fixture = (name: string) => readFileSync(path.join(H5P_FIXTURES, name))

type Edit = (name: string, data: Buffer) => Buffer | null

/** The fixture with each entry passed through `edit` (null drops it) and `add` appended. */
export async function repack(name: string, options: { edit?: Edit; add?: Record<string, string | Buffer> } = {}): Promise<Buffer> {
  const entries = await new Promise<Array<[string, Buffer]>>((resolve, reject) => {
    yauzl.fromBuffer(fixture(name), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error)
      const out: Array<[string, Buffer]> = []
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry()
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.push([entry.fileName, Buffer.concat(chunks)])
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
  const zip = new yazl.ZipFile()
  for (const [file, data] of entries) {
    const edited = options.edit ? options.edit(file, data) : data
    if (edited) zip.addBuffer(edited, file)
  }
  for (const [file, data] of Object.entries(options.add ?? {})) zip.addBuffer(Buffer.from(data), file)
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Edits one JSON entry of a package. */
export const editJson =
  (file: string, change: (json: any) => void): Edit =>
  (name, data) => {
    if (name !== file) return data
    const json = JSON.parse(data.toString('utf8'))
    change(json)
    return Buffer.from(JSON.stringify(json))
  }

const asFile = (data: Buffer, name: string) => ({ data, mimetype: 'application/zip', name, size: data.length })

/** What an administrator does before authors may use a content type: install its libraries. */
export async function installLibraries(payload: Payload, name = 'true-false.h5p', data: Buffer = fixture(name)) {
  return payload.create({ collection: 'h5p-library-installs' as never, data: { note: `test: ${name}` } as never, file: asFile(data, name), overrideAccess: true })
}

/** An author's package, through the Local API. */
export async function createPackage(payload: Payload, name = 'true-false.h5p', data: Buffer = fixture(name), extra: Record<string, unknown> = {}) {
  return payload.create({ collection: 'h5p-packages' as never, data: extra as never, file: asFile(data, name), overrideAccess: true }) as Promise<{ id: number | string }>
}
