/** What access functions read of the caller. */
export type Id = number | string
export type AccessUser = {
  id: Id
  roles?: string[] | null
  organization?: Id | { id: Id } | null
}

/** The id of a relation value, whether it arrives as an id or as the populated document. */
export const idOf = (value: unknown): Id | undefined =>
  value && typeof value === 'object' ? (value as { id: Id }).id : ((value ?? undefined) as Id | undefined)

/** An id that arrived as text (a job's input, a command-line argument): SQL ids are numbers. */
export const idFromText = (value: string): Id => (/^\d+$/.test(value) ? Number(value) : value)
