/** What access functions read of the caller. */
export type Id = number | string
export type AccessUser = {
  id: Id
  roles?: string[] | null
  organization?: Id | { id: Id } | null
}

export const idOf = (value: Id | { id: Id } | null | undefined): Id | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)
