/**
 * Which plugins have portal pages in this configuration. An enabled plugin names itself in
 * `config.custom.portalPlugins`; the route files under src/app/(portal)/ ask here and answer 404
 * for a disabled plugin's pages.
 */
import type { Config, SanitizedConfig } from 'payload'

export type PortalPlugin = 'open-courses' | 'credits' | 'featured-courses' | 'mentor-training' | 'camps'

export function addPortalPlugin(config: Config, plugin: PortalPlugin): Config {
  const plugins: PortalPlugin[] = config.custom?.portalPlugins ?? []
  return { ...config, custom: { ...config.custom, portalPlugins: [...plugins, plugin] } }
}

export const portalPluginEnabled = (config: SanitizedConfig, plugin: PortalPlugin): boolean =>
  ((config.custom?.portalPlugins ?? []) as PortalPlugin[]).includes(plugin)
