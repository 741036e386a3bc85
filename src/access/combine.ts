/**
 * Composes access functions. Each returns true (all rows), false (none) or a Where (some rows);
 * `or` unions, `and` intersects, so row-level rules stay one query instead of a load-and-check.
 */
import type { Access, AccessArgs, AccessResult, Where } from 'payload'

type AnyAccess = (args: AccessArgs<any>) => AccessResult | Promise<AccessResult>

export function or(...rules: AnyAccess[]): Access {
  return async (args) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (result && typeof result === 'object') wheres.push(result)
    }
    if (wheres.length === 0) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }
}

export function and(...rules: AnyAccess[]): Access {
  return async (args) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (!result) return false
      if (typeof result === 'object') wheres.push(result)
    }
    if (wheres.length === 0) return true
    return wheres.length === 1 ? wheres[0] : { and: wheres }
  }
}
