/** Options of the open-courses plugin; defaults are filled in once, by sanitizeOptions. */
export type OpenCoursesPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** Folder under which uploaded packages and their extracted files are kept. @default './data' */
  dataDir?: string
  h5p?: {
    /** Largest total size of a package's files once inflated, in bytes. @default 100 MiB */
    maxInflatedBytes?: number
    /** Most entries a package may hold. @default 5000 */
    maxEntries?: number
  }
}

export type SanitizedOpenCoursesOptions = {
  enabled: boolean
  dataDir: string
  h5p: { maxInflatedBytes: number; maxEntries: number }
}

export function sanitizeOptions(options: OpenCoursesPluginOptions = {}): SanitizedOpenCoursesOptions {
  return {
    enabled: options.enabled ?? true,
    dataDir: options.dataDir ?? './data',
    h5p: { maxInflatedBytes: 100 * 1024 * 1024, maxEntries: 5000, ...options.h5p },
  }
}
