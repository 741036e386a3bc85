import type { SanitizedConfig } from 'payload'
import type { SanitizedCreditsOptions } from '../types'

/** The plugin's options as it left them in the config, for its portal pages. */
export const creditsOptions = (config: SanitizedConfig): SanitizedCreditsOptions => config.custom?.creditsOptions as SanitizedCreditsOptions
