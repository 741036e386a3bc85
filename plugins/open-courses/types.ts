/** Options of the open-courses plugin; defaults are filled in once, by sanitizeOptions. */
export type OpenCoursesPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** Folder under which uploaded packages, installed libraries and extracted content are kept. @default './data' */
  dataDir?: string
  /**
   * Origins allowed to embed the H5P player frame besides the one serving it (the platform's
   * public URL when content is served from another origin). @default []
   */
  frameAncestors?: string[]
  h5p?: {
    /** Largest total size of a package's files once inflated, in bytes. @default 100 MiB */
    maxInflatedBytes?: number
    /** Most entries a package may hold. @default 5000 */
    maxEntries?: number
    /**
     * Origin (scheme://host:port) that serves /h5p and the player frame, when it is not the
     * platform's own, e.g. `https://h5p.lianpei.example.edu.cn` routed to the same process.
     * Unset, they come from the platform's origin, isolated by `Content-Security-Policy: sandbox`.
     * @default undefined
     */
    contentOrigin?: string
  }
}

export type SanitizedOpenCoursesOptions = {
  enabled: boolean
  dataDir: string
  frameAncestors: string[]
  h5p: { maxInflatedBytes: number; maxEntries: number; contentOrigin?: string }
}

export function sanitizeOptions(options: OpenCoursesPluginOptions = {}): SanitizedOpenCoursesOptions {
  return {
    enabled: options.enabled ?? true,
    dataDir: options.dataDir ?? './data',
    frameAncestors: options.frameAncestors ?? [],
    h5p: {
      maxInflatedBytes: 100 * 1024 * 1024,
      maxEntries: 5000,
      ...options.h5p,
      contentOrigin: options.h5p?.contentOrigin?.replace(/\/$/, '') || undefined,
    },
  }
}
