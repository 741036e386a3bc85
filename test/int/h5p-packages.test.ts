/**
 * H5P packages from ../shared/fixtures/h5p behave as its README says: the valid ones are stored,
 * extracted and served; every invalid one is refused with a 4xx that says why and leaves no
 * document, no stored file, no extracted file and no partial folder behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createOrganization, createUser, login } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/testApp'

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/h5p')
let t: TestApp
let authorToken: string

beforeAll(async () => {
  t = await startTestApp()
  const org = await createOrganization(t.payload, 'university', '10561')
  authorToken = await login(t.app, (await createUser(t.payload, ['author'], org.id)).email)
})
afterAll(async () => t?.stop())

const upload = (file: string) => as(t.app, authorToken).post('/api/h5p-packages').attach('file', readFileSync(path.join(FIXTURES, file)), path.basename(file))
const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir) : [])
const state = async () => ({
  docs: (await t.payload.count({ collection: 'h5p-packages', overrideAccess: true })).totalDocs,
  stored: listing(path.join(t.db.dataDir, 'h5p-packages')),
  extracted: listing(path.join(t.db.dataDir, 'h5p')),
})

describe('valid packages', () => {
  it.each(['true-false.h5p', 'drag-text.h5p'])('stores, extracts and serves %s', async (file) => {
    const res = await upload(file)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = res.body.doc
    expect(doc.mainLibrary).toMatch(/^H5P\.(TrueFalse|DragText) /)
    expect(doc.contentUrl).toBe(`/h5p/content/${doc.id}`)
    const h5pJson = await request(t.app).get(`${doc.contentUrl}/h5p.json`)
    expect(h5pJson.status).toBe(200)
    expect(h5pJson.headers['content-type']).toMatch(/application\/json/)
    const content = await request(t.app).get(`${doc.contentUrl}/content/content.json`)
    expect(content.status).toBe(200)
    const js = await request(t.app).get(`${doc.contentUrl}/${doc.mainLibrary.replace(' ', '-')}/library.json`)
    expect(js.status).toBe(200)
  })

  it('serves the h5p-standalone player', async () => {
    const res = await request(t.app).get('/h5p/player/main.bundle.js')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
  })

  it('refuses a path outside the extracted folders', async () => {
    const res = await request(t.app).get('/h5p/content/../../payload-secret')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.text).not.toMatch(/^[0-9a-f]{64}/)
  })
})

describe('invalid packages', () => {
  it.each([
    ['invalid/corrupt_archive.h5p', /zip archive cannot be read/],
    ['invalid/broken-h5p-json.h5p', /h5p\.json is not valid JSON/],
    ['invalid/broken-content-json.h5p', /content\/content\.json is not valid JSON/],
    ['invalid/invalid-h5p-json-schema.h5p', /h5p\.json misses required fields/],
    ['invalid/invalid-library-directory-name.h5p', /does not match its library\.json/],
    ['invalid/missing-preloaded-js.h5p', /preloads .* which is not in the package/],
    ['invalid/zip-slip.h5p', /outside the package/],
    ['invalid/oversized-entry.h5p', /inflates to more than|not allowed/],
    ['blanks-with-svg-script.h5p', /SVG image that carries script/],
  ])('refuses %s with 400 and leaves nothing behind', async (file, message) => {
    const before = await state()
    const res = await upload(file)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
    expect(await state()).toEqual(before)
  })

  it('refuses a student’s upload', async () => {
    const org = await createOrganization(t.payload, 'university', '10562')
    const student = await createUser(t.payload, ['student'], org.id)
    const res = await as(t.app, await login(t.app, student.email)).post('/api/h5p-packages').attach('file', readFileSync(path.join(FIXTURES, 'true-false.h5p')), 'true-false.h5p')
    expect(res.status).toBe(403)
  })
})
