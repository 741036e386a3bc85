/** Slugs of the core collections every plugin shares. Plugins keep their own in their constants. */
export const CORE = {
  users: 'users',
  organizations: 'organizations',
  courses: 'courses',
  modules: 'modules',
  media: 'media',
  enrollments: 'enrollments',
  completions: 'completions',
} as const

/** Job tasks of the core. */
export const CORE_TASKS = {
  sendPasswordReset: 'sendPasswordReset',
} as const
