/** The roles a user may hold; a user holds one or more. */
export const ROLES = ['admin', 'author', 'reviewer', 'mentor', 'student', 'registrar', 'organizer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { en: string; zh: string }> = {
  admin: { en: 'Administrator', zh: '平台管理员' },
  author: { en: 'Course author', zh: '课程作者' },
  reviewer: { en: 'Expert-committee reviewer', zh: '专家指导委员会评审' },
  mentor: { en: 'Mentor', zh: '导师' },
  student: { en: 'Student', zh: '学生' },
  registrar: { en: 'University registrar', zh: '高校学分管理员' },
  organizer: { en: 'Programme organiser', zh: '项目组织者' },
}

/** Every role but students works in the admin panel (and so may hold an API key). */
export const STAFF_ROLES = ['admin', 'author', 'reviewer', 'mentor', 'registrar', 'organizer'] as const satisfies readonly Role[]

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export function userHasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))
}
