import type { SanitizedConfig } from 'payload'
import type { SanitizedCampsOptions } from '../types'

/** The plugin's options as it left them in the config, for its portal pages. */
export const campsOptions = (config: SanitizedConfig): SanitizedCampsOptions => config.custom?.campsOptions as SanitizedCampsOptions
