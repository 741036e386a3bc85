import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { organizationNames } from '../../src/portal/organizationNames'
import { createCourse, createFeaturedCourse, createOrganization } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let uni: { id: number | string }
let ent: { id: number | string }
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  t = await startTestApp()
  uni = await createOrganization(t.payload, 'university', '10711')
  ent = await createOrganization(t.payload, 'enterprise', '91441900MA51LP0011')
  ids.robot = (await createFeaturedCourse(t.payload, uni.id, { title: '工业机器人系统集成', summary: '智能制造产线', discipline: 'engineering', credits: 2 })).id
  ids.data = (await createCourse(t.payload, ent.id, { title: '大数据工程实践', titleEn: 'Big Data Engineering', discipline: 'engineering', credits: 3, partners: [uni.id] })).id
  ids.ethics = (await createCourse(t.payload, uni.id, { title: '科研伦理', discipline: 'law', credits: 1, creditCategory: 'political-education' })).id
  ids.draft = (await createCourse(t.payload, uni.id, { title: '机器人草稿', _status: 'draft' })).id
})
afterAll(async () => t?.stop())

const search = async (query: string) => {
  const res = await request(t.app).get(`/api/catalogue${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.docs.map((d: { id: unknown }) => d.id)
}

describe('catalogue', () => {
  it('searches Chinese and English titles and summaries, published courses only, without login', async () => {
    expect(await search(`?q=${encodeURIComponent('机器人')}`)).toEqual([ids.robot])
    expect(await search(`?q=${encodeURIComponent('产线')}`)).toEqual([ids.robot])
    expect(await search('?q=big%20data')).toEqual([ids.data])
  })

  it('filters by discipline, organisation (owner or partner), credits, category and the featured flag', async () => {
    expect((await search('?discipline=engineering')).sort()).toEqual([ids.robot, ids.data].sort())
    expect((await search(`?organization=${uni.id}`)).sort()).toEqual([ids.robot, ids.data, ids.ethics].sort())
    expect(await search('?minCredits=2.5')).toEqual([ids.data])
    expect(await search('?category=political-education')).toEqual([ids.ethics])
    expect(await search('?featured=true')).toEqual([ids.robot])
  })

  it('lists featured courses first unless asked for another order', async () => {
    const all = await search('')
    expect(all[0]).toBe(ids.robot)
    expect(await search('?sort=title')).not.toEqual(all)
  })

  it('sorts and pages', async () => {
    expect(await search('?sort=-credits&limit=2')).toEqual([ids.data, ids.robot])
    const second = await request(t.app).get('/api/catalogue?sort=-credits&limit=2&page=2')
    expect(second.body.docs.map((d: { id: unknown }) => d.id)).toEqual([ids.ethics])
    expect(second.body.totalDocs).toBe(3)
  })

  it.each([['no filter', ''], ['an organisation (a filter that joins the partners)', `&organization=ORG`]])('says how many courses there are on a page past the end, with %s', async (_, filter) => {
    const res = await request(t.app).get(`/api/catalogue?limit=2&page=5${filter.replace('ORG', String(uni.id))}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ docs: [], totalDocs: 3, totalPages: 2, page: 5, hasNextPage: false, hasPrevPage: true, prevPage: 4 })
  })

  it.each(['?sort=random', '?limit=0', '?limit=101', '?page=0', '?page=1000001', '?minCredits=abc'])('refuses %s with 400', async (query) => {
    const res = await request(t.app).get(`/api/catalogue${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBeTruthy()
  })

  it("keeps the organisations' names for the catalogue page, and follows a new, renamed or deleted organisation at once", async () => {
    // Sorted here: the order by name is the database's collation.
    const names = async () => (await organizationNames(t.payload)).map((o) => o.name).sort()
    expect(await names()).toEqual(['组织 10711', '组织 91441900MA51LP0011'])
    const agency = await createOrganization(t.payload, 'agency', '12440000MB2C123456', '东莞市人力资源局')
    expect(await names()).toEqual(['东莞市人力资源局', '组织 10711', '组织 91441900MA51LP0011'].sort())
    await t.payload.update({ collection: 'organizations', id: agency.id, data: { name: '东莞市人社局', nameEn: 'Dongguan HRSS' }, overrideAccess: true })
    expect((await organizationNames(t.payload)).find((o) => o.id === agency.id)).toEqual({ id: agency.id, name: '东莞市人社局', nameEn: 'Dongguan HRSS' })
    await t.payload.delete({ collection: 'organizations', id: agency.id, overrideAccess: true })
    expect(await names()).toEqual(['组织 10711', '组织 91441900MA51LP0011'])
  })

  it('reads the names again for an organisation made through another process, once they are a second old', async () => {
    await organizationNames(t.payload)
    // Written without this process's hooks, as another process's write reaches this one.
    const elsewhere = await t.payload.db.create({ collection: 'organizations', data: { kind: 'enterprise', code: '91441900MA51LP0077', name: '长安镇模具协会' } })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect((await organizationNames(t.payload)).map((o) => o.name)).not.toContain('长安镇模具协会')
    expect((await organizationNames(t.payload, [uni.id, elsewhere.id])).map((o) => o.name)).toContain('长安镇模具协会')
    await t.payload.delete({ collection: 'organizations', id: elsewhere.id, overrideAccess: true })
  })
})
