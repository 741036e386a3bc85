/**
 * Reads and validates an .h5p package entirely in memory, before anything is written: a
 * well-formed zip; no entry that escapes the package; limits on entry count and inflated size
 * (counted while inflating, not taken from the headers); an allow-list of file types; SVG without
 * script; h5p.json present and complete; content/content.json valid; every library folder named
 * after its library.json; every preloaded file present.
 */
import path from 'node:path'
import yauzl from 'yauzl'
import { unstorableText } from '../../../src/storableText'

export class H5PPackageError extends Error {}

/** H5P's own default allow-list of content and library file types. */
const ALLOWED_EXTENSIONS = new Set(
  ('json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc docx xls xlsx ' +
    'ppt pptx odt ods odp xml csv diff patch md textile vtt webvtt js css').split(' '),
)

export type H5PJson = {
  title: string
  mainLibrary: string
  language: string
  embedTypes: string[]
  preloadedDependencies: Array<{ machineName: string; majorVersion: number | string; minorVersion: number | string }>
}

/** A library a package carries, as its library.json describes it; `folder` is `<machineName>-<major>.<minor>`. */
export type H5PLibrary = {
  folder: string
  machineName: string
  majorVersion: number
  minorVersion: number
  patchVersion: number
  title?: string
  runnable?: number | boolean
  preloadedDependencies?: Array<{ machineName: string; majorVersion: number | string; minorVersion: number | string }>
}

export type H5PPackage = { h5p: H5PJson; content: unknown; files: Map<string, Buffer>; libraries: H5PLibrary[] }

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(new H5PPackageError(`not a valid .h5p file: the zip archive cannot be read (${error?.message ?? 'empty'})`)) : resolve(zip),
    ),
  )
}

/** A path inside the package, or an error naming the entry that would land outside it. */
function safeName(name: string): string {
  const normalised = path.posix.normalize(name.replace(/\\/g, '/'))
  if (path.posix.isAbsolute(normalised) || normalised.startsWith('../') || normalised === '..' || /^[a-zA-Z]:/.test(normalised)) {
    throw new H5PPackageError(`entry "${name}" would be written outside the package folder`)
  }
  return normalised
}

async function readEntries(buffer: Buffer, limits: { maxInflatedBytes: number; maxEntries: number }): Promise<Map<string, Buffer>> {
  const zip = await openZip(buffer)
  const files = new Map<string, Buffer>()
  let total = 0
  let count = 0
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close()
      const message = (error as Error).message
      // yauzl refuses such entries itself, before they reach safeName.
      const escape = /invalid relative path: (.*)/.exec(message)
      if (escape) return reject(new H5PPackageError(`entry "${escape[1]}" would be written outside the package folder`))
      reject(error instanceof H5PPackageError ? error : new H5PPackageError(`not a valid .h5p file: ${message}`))
    }
    zip.on('error', fail)
    zip.on('end', () => resolve(files))
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        if (++count > limits.maxEntries) throw new H5PPackageError(`the package has more than ${limits.maxEntries} entries`)
        const name = safeName(entry.fileName)
        if (name.endsWith('/')) return zip.readEntry()
        const extension = path.posix.extname(name).slice(1).toLowerCase()
        if (!ALLOWED_EXTENSIONS.has(extension)) throw new H5PPackageError(`"${name}": .${extension || '(none)'} files are not allowed in H5P packages`)
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return fail(error ?? new Error(`cannot read "${name}"`))
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length
            if (total > limits.maxInflatedBytes) {
              stream.destroy()
              fail(new H5PPackageError(`the package inflates to more than ${Math.round(limits.maxInflatedBytes / 2 ** 20)} MiB (stopped at "${name}")`))
              return
            }
            chunks.push(chunk)
          })
          stream.on('error', fail)
          stream.on('end', () => {
            if (total > limits.maxInflatedBytes) return
            files.set(name, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      } catch (error) {
        fail(error)
      }
    })
    zip.readEntry()
  })
}

function parseJson(files: Map<string, Buffer>, name: string): unknown {
  const raw = files.get(name)
  if (!raw) throw new H5PPackageError(`${name} is missing`)
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new H5PPackageError(`${name} is not valid JSON: ${(error as Error).message}`)
  }
  // What a package's JSON says is stored in the database (its title, h5p.json, its libraries).
  const unstorable = unstorableText(parsed)
  if (unstorable) throw new H5PPackageError(`${name}: ${unstorable.path.join('.') || '(root)'} ${unstorable.message}`)
  return parsed
}

const SVG_SCRIPT = /<script|\son[a-z]+\s*=|javascript:|<foreignObject/i

export async function readH5PPackage(buffer: Buffer, limits: { maxInflatedBytes: number; maxEntries: number }): Promise<H5PPackage> {
  const files = await readEntries(buffer, limits)

  for (const [name, data] of files) {
    if (name.toLowerCase().endsWith('.svg') && SVG_SCRIPT.test(data.toString('utf8'))) {
      throw new H5PPackageError(`"${name}" is an SVG image that carries script; remove it or export it without script`)
    }
  }

  const h5p = parseJson(files, 'h5p.json') as Partial<H5PJson>
  const missing = (['title', 'mainLibrary', 'language', 'embedTypes', 'preloadedDependencies'] as const).filter((k) => h5p?.[k] === undefined)
  if (missing.length > 0) throw new H5PPackageError(`h5p.json misses required fields: ${missing.join(', ')}`)
  if (!Array.isArray(h5p.preloadedDependencies) || !h5p.preloadedDependencies.every((d) => d?.machineName && d.majorVersion !== undefined && d.minorVersion !== undefined)) {
    throw new H5PPackageError('h5p.json: preloadedDependencies must list { machineName, majorVersion, minorVersion }')
  }
  const content = parseJson(files, 'content/content.json')

  const libraryFolders = new Set([...files.keys()].map((n) => n.split('/')[0]).filter((top) => top !== 'content' && files.has(`${top}/library.json`)))
  const topFolders = new Set([...files.keys()].filter((n) => n.includes('/')).map((n) => n.split('/')[0]))
  for (const folder of topFolders) {
    if (folder !== 'content' && !libraryFolders.has(folder)) throw new H5PPackageError(`library folder "${folder}" has no library.json`)
  }
  const libraries: H5PLibrary[] = []
  for (const folder of libraryFolders) {
    const library = parseJson(files, `${folder}/library.json`) as Partial<H5PLibrary> & {
      preloadedJs?: Array<{ path: string }>
      preloadedCss?: Array<{ path: string }>
    }
    const expected = `${library.machineName}-${library.majorVersion}.${library.minorVersion}`
    if (folder !== expected) throw new H5PPackageError(`library folder "${folder}" does not match its library.json (${expected})`)
    for (const file of [...(library.preloadedJs ?? []), ...(library.preloadedCss ?? [])]) {
      if (!files.has(`${folder}/${safeName(file.path)}`)) throw new H5PPackageError(`library ${expected} preloads "${file.path}", which is not in the package`)
    }
    libraries.push({ ...library, folder, patchVersion: Number(library.patchVersion ?? 0) } as H5PLibrary)
  }
  const main = h5p.preloadedDependencies.find((d) => d.machineName === h5p.mainLibrary)
  if (!main) throw new H5PPackageError(`h5p.json: mainLibrary ${h5p.mainLibrary} is not among preloadedDependencies`)
  if (!libraryFolders.has(`${main.machineName}-${main.majorVersion}.${main.minorVersion}`)) {
    throw new H5PPackageError(`the package does not contain its main library ${main.machineName}-${main.majorVersion}.${main.minorVersion}`)
  }
  return { h5p: h5p as H5PJson, content, files, libraries }
}
