/**
 * Where a learner picks a course up again: the first module, in the syllabus's order, they have
 * not done yet; when every module is done, the one they worked on last.
 */
type Module = { id: number | string }
type Progress = Record<string, any>

export function resumeModule<M extends Module>(modules: M[], progress: Progress[]): M | undefined {
  const done = new Map(progress.map((p) => [String(typeof p.module === 'object' && p.module ? (p.module as Module).id : p.module), p]))
  const next = modules.find((m) => !done.has(String(m.id)))
  if (next) return next
  const latest = [...progress].sort((a, b) => String(b.lastAttemptAt ?? '').localeCompare(String(a.lastAttemptAt ?? '')))[0]
  return modules.find((m) => latest && done.get(String(m.id)) === latest) ?? modules[0]
}
