/** The cached strategy (JWT and API key) never outlives a logout, a role change, a new API key or a deleted user. */
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

  // The credit feed reads the roles of the request's user, as cached; /api/users/me would reload them.
  it('sees a role change at once', async () => {
    const user = await createUser(t.payload, ['registrar'], org)
    const token = await login(t.app, user.email)
    const feed = () => request(t.app).get('/api/credit-feed').set('Authorization', `JWT ${token}`)
    expect((await feed()).status).toBe(200)
    expect((await feed()).status).toBe(200)
    await t.payload.update({ collection: 'users', id: user.id, data: { roles: ['student'] }, overrideAccess: true })
    expect((await feed()).status).toBe(403)
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

describe('cached API-key authentication', () => {
  const byKey = (key: string) => request(t.app).get('/api/users/me').set('Authorization', `users API-Key ${key}`)

  it('stops accepting a key once it is replaced or disabled', async () => {
    const user = await createUser(t.payload, ['registrar'], org, { enableAPIKey: true, apiKey: 'first-key-of-this-registrar' })
    expect((await byKey('first-key-of-this-registrar')).body.user?.email).toBe(user.email)
    expect((await byKey('first-key-of-this-registrar')).body.user?.email).toBe(user.email)
    await t.payload.update({ collection: 'users', id: user.id, data: { apiKey: 'second-key-of-this-registrar' }, overrideAccess: true })
    expect((await byKey('first-key-of-this-registrar')).body.user).toBeNull()
    expect((await byKey('second-key-of-this-registrar')).body.user?.email).toBe(user.email)
    await t.payload.update({ collection: 'users', id: user.id, data: { enableAPIKey: false }, overrideAccess: true })
    expect((await byKey('second-key-of-this-registrar')).body.user).toBeNull()
  })

  it('sees a role change at once and forgets a deleted user', async () => {
    await createUser(t.payload, ['registrar'], org, { enableAPIKey: true, apiKey: 'key-of-a-registrar-to-delete' })
    const user = (await byKey('key-of-a-registrar-to-delete')).body.user
    const feed = () => request(t.app).get('/api/credit-feed').set('Authorization', 'users API-Key key-of-a-registrar-to-delete')
    expect((await feed()).status).toBe(200)
    expect((await feed()).status).toBe(200)
    await t.payload.update({ collection: 'users', id: user.id, data: { roles: ['student'] }, overrideAccess: true })
    expect((await feed()).status).toBe(403)
    await t.payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
    expect((await byKey('key-of-a-registrar-to-delete')).body.user).toBeNull()
  })

  it('refuses an unknown key', async () => {
    expect((await byKey('no-such-key')).body.user).toBeNull()
  })
})
