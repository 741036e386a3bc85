/** Slugs and routes of the open-courses plugin, in one place. */
export const OPEN_COURSE_SLUGS = {
  h5pPackages: 'h5p-packages',
  h5pLibraries: 'h5p-libraries',
  h5pLibraryInstalls: 'h5p-library-installs',
  xapiStatements: 'xapi-statements',
  moduleProgress: 'module-progress',
} as const

export const OPEN_COURSE_TASKS = {
  reevaluateCourse: 'reevaluateCourseProgress',
  completeCourse: 'completeCourse',
} as const

/** Where extracted content, installed libraries and the player are served. */
export const H5P_ROUTES = {
  content: '/h5p/content',
  libraries: '/h5p/libraries',
  player: '/h5p/player',
} as const
