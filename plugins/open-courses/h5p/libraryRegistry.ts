/**
 * The H5P library registry. A library's JavaScript runs in every learner's player, so only
 * administrators install libraries, from packages they trust; an author's package may only use
 * libraries already installed, and its own copies of them are never served. This is how the
 * mature H5P hosts (Drupal, WordPress, Moodle) keep authors from shipping script.
 *
 * Versions follow H5P's rule: major.minor names a library's API, patch versions of it are
 * interchangeable, so an installed patch at least as new as the package's serves the package.
 */
import type { Payload, PayloadRequest } from 'payload'
import { OPEN_COURSE_SLUGS } from '../constants'
import { extractPackage } from './extractPackage'
import type { H5PLibrary, H5PPackage } from './readPackage'

type Doc = Record<string, any>
type Dependency = { machineName: string; majorVersion: number | string; minorVersion: number | string }

export const libraryKey = (d: Dependency) => `${d.machineName}-${d.majorVersion}.${d.minorVersion}`

/** What an author's package needs that the registry lacks: each library missing, or carried newer than installed. */
export type UnavailableLibrary = { key: string; packagePatch?: number; installedPatch?: number }

async function installedByKey(payload: Payload, keys: string[], req?: PayloadRequest): Promise<Map<string, Doc>> {
  if (keys.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: OPEN_COURSE_SLUGS.h5pLibraries as never,
    where: { key: { in: keys } },
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return new Map((docs as Doc[]).map((d) => [d.key as string, d]))
}

export async function unavailableLibraries(payload: Payload, pkg: H5PPackage, req?: PayloadRequest): Promise<UnavailableLibrary[]> {
  const carried = new Map(pkg.libraries.map((l) => [l.folder, l]))
  const needed = new Set([...pkg.h5p.preloadedDependencies.map(libraryKey), ...carried.keys()])
  const installed = await installedByKey(payload, [...needed], req)
  const unavailable: UnavailableLibrary[] = []
  for (const key of [...needed].sort()) {
    const have = installed.get(key)
    const packagePatch = carried.get(key)?.patchVersion
    if (!have) unavailable.push({ key, packagePatch })
    else if (packagePatch !== undefined && packagePatch > Number(have.patchVersion ?? 0)) unavailable.push({ key, packagePatch, installedPatch: have.patchVersion })
  }
  return unavailable
}

export const describeUnavailable = (list: UnavailableLibrary[], language: 'zh' | 'en'): string =>
  list
    .map((l) =>
      l.installedPatch === undefined
        ? language === 'en' ? `${l.key} (not installed)` : `${l.key}（未安装）`
        : language === 'en'
          ? `${l.key} (package has patch ${l.packagePatch}, installed ${l.installedPatch})`
          : `${l.key}（资源包为修订版 ${l.packagePatch}，平台为 ${l.installedPatch}）`,
    )
    .join(language === 'en' ? ', ' : '、')

/** The files of one library folder, relative to it. */
const filesOf = (pkg: H5PPackage, folder: string) =>
  new Map([...pkg.files].filter(([name]) => name.startsWith(`${folder}/`)).map(([name, data]) => [name.slice(folder.length + 1), data]))

/** The files of an author's package that are served: its h5p.json and content/, never its libraries. */
export const contentFilesOf = (pkg: H5PPackage) =>
  new Map([...pkg.files].filter(([name]) => name === 'h5p.json' || name.startsWith('content/')))

export type LibraryAction = { key: string; patchVersion: number; action: 'installed' | 'upgraded' | 'unchanged' | 'kept-newer'; previousPatch?: number }

/** What installing a trusted package would do to each of its libraries. */
export async function planInstall(payload: Payload, pkg: H5PPackage, req?: PayloadRequest): Promise<LibraryAction[]> {
  const installed = await installedByKey(payload, pkg.libraries.map((l) => l.folder), req)
  return pkg.libraries
    .map((l): LibraryAction => {
      const have = installed.get(l.folder)
      if (!have) return { key: l.folder, patchVersion: l.patchVersion, action: 'installed' }
      const previousPatch = Number(have.patchVersion ?? 0)
      if (l.patchVersion > previousPatch) return { key: l.folder, patchVersion: l.patchVersion, action: 'upgraded', previousPatch }
      return { key: l.folder, patchVersion: l.patchVersion, action: l.patchVersion === previousPatch ? 'unchanged' : 'kept-newer', previousPatch }
    })
    .sort((a, b) => a.key.localeCompare(b.key))
}

/**
 * Writes the planned libraries' files under `root/<folder>` (each swapped in whole) and records
 * them in the registry, in the request's transaction.
 */
export async function installLibraries(payload: Payload, pkg: H5PPackage, plan: LibraryAction[], root: string, installId: number | string, req: PayloadRequest): Promise<void> {
  const byFolder = new Map<string, H5PLibrary>(pkg.libraries.map((l) => [l.folder, l]))
  const installed = await installedByKey(payload, plan.map((p) => p.key), req)
  for (const step of plan) {
    if (step.action !== 'installed' && step.action !== 'upgraded') continue
    const library = byFolder.get(step.key) as H5PLibrary
    await extractPackage(filesOf(pkg, library.folder), root, library.folder)
    const data = {
      key: library.folder,
      machineName: library.machineName,
      majorVersion: Number(library.majorVersion),
      minorVersion: Number(library.minorVersion),
      patchVersion: library.patchVersion,
      title: library.title ?? library.machineName,
      runnable: Boolean(library.runnable),
      dependencies: (library.preloadedDependencies ?? []).map(libraryKey),
      installedFrom: installId,
    }
    const existing = installed.get(library.folder)
    if (existing) await payload.update({ collection: OPEN_COURSE_SLUGS.h5pLibraries as never, id: existing.id, data: data as never, overrideAccess: true, req })
    else await payload.create({ collection: OPEN_COURSE_SLUGS.h5pLibraries as never, data: data as never, overrideAccess: true, req })
  }
}
