/** Slugs and routes of the open-courses plugin, in one place. */
export const OPEN_COURSE_SLUGS = {
  h5pPackages: 'h5p-packages',
  xapiStatements: 'xapi-statements',
} as const

/** Where extracted packages and the player are served. */
export const H5P_ROUTES = {
  content: '/h5p/content',
  player: '/h5p/player',
} as const
