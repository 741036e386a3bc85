/** The cached JWT strategy never outlives a logout, a role change or a deleted user. */
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let org: number | string

beforeAll(async () => {
  t = await startTestApp()
  org = (await createOrganization(t.payload, 'university', '10801')).id
})
afterAll(async () => t?.stop())

const me = (token: string) => request(t.app).get('/api/users/me').set('Authorization', `JWT ${token}`)

describe('cached JWT authentication', () => {
  it('stops accepting a token once its session logs out', async () => {
    const user = await createUser(t.payload, ['student'], org)
    const token = await login(t.app, user.email)
    expect((await me(token)).body.user?.email).toBe(user.email)
    expect((await me(token)).body.user?.email).toBe(user.email)
    const out = await request(t.app).post('/api/users/logout').set('Authorization', `JWT ${token}`)
    expect(out.status).toBe(200)
    expect((await me(token)).body.user).toBeNull()
  })

  it('sees a role change at once', async () => {
    const user = await createUser(t.payload, ['student'], org)
    const token = await login(t.app, user.email)
    expect((await me(token)).body.user.roles).toEqual(['student'])
    await t.payload.update({ collection: 'users', id: user.id, data: { roles: ['student', 'mentor'] }, overrideAccess: true })
    expect((await me(token)).body.user.roles).toEqual(['student', 'mentor'])
  })

  it('forgets a deleted user', async () => {
    const user = await createUser(t.payload, ['student'], org)
    const token = await login(t.app, user.email)
    expect((await me(token)).body.user).not.toBeNull()
    await t.payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
    expect((await me(token)).body.user).toBeNull()
  })

  it('refuses a forged token', async () => {
    const user = await createUser(t.payload, ['student'], org)
    const token = await login(t.app, user.email)
    const [h, p] = token.split('.')
    expect((await me(`${h}.${p}.forgedsignature`)).body.user).toBeNull()
  })
})
