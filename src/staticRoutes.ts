/**
 * Plugins that serve files (extracted H5P packages, the H5P player) register a folder under a URL
 * prefix in `config.custom.staticRoutes`; createApp mounts them. The express layer knows no plugin.
 */
import type { Config, SanitizedConfig } from 'payload'
import type { ServerResponse } from 'node:http'

export type StaticRoute = {
  /** URL prefix, e.g. `/h5p/content`. */
  path: string
  /** Folder on disk. */
  dir: string
  setHeaders?: (res: ServerResponse, filePath: string) => void
}

export function addStaticRoute(config: Config, route: StaticRoute): Config {
  const routes: StaticRoute[] = config.custom?.staticRoutes ?? []
  return { ...config, custom: { ...config.custom, staticRoutes: [...routes, route] } }
}

export const staticRoutesOf = (config: SanitizedConfig): StaticRoute[] => config.custom?.staticRoutes ?? []
