import { isUniqueViolation } from './errors'

/**
 * Runs a write that claims the next free value of a unique field (a sequence number in a chain, a
 * mentor's free place) and, when a concurrent write claimed the same value first, runs it again on
 * the new state. Each run reads afresh, so "at most N" rules hold without locks on every adapter.
 */
export async function retryWhileTaken<T>(field: string, write: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (!isUniqueViolation(error, field) || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt))
    }
  }
}
