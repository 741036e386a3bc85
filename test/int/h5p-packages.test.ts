/**
 * H5P packages from ../shared/fixtures/h5p behave as its README says: the valid ones are stored,
 * extracted and served; every invalid one is refused with a 4xx that says why and leaves no
 * document, no stored file, no extracted file and no partial folder behind. Libraries come only
 * from the registry an administrator installs; everything under /h5p is served sandboxed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createOrganization, createUser, login } from '../helpers/fixtures'
import { editJson, fixture, H5P_FIXTURES as FIXTURES, repack } from '../helpers/h5p'
import { startTestApp, type TestApp } from '../helpers/testApp'

let t: TestApp
let authorToken: string
let adminToken: string

const install = (file: string, data: Buffer = fixture(file)) => as(t.app, adminToken).post('/api/h5p-library-installs').attach('file', data, path.basename(file))

beforeAll(async () => {
  t = await startTestApp()
  const org = await createOrganization(t.payload, 'university', '10561')
  authorToken = await login(t.app, (await createUser(t.payload, ['author'], org.id)).email)
  adminToken = await login(t.app, (await createUser(t.payload, ['admin'], org.id)).email)
  for (const file of ['true-false.h5p', 'drag-text.h5p']) {
    const res = await install(file)
    if (res.status !== 201) throw new Error(`install ${file}: ${res.status} ${JSON.stringify(res.body)}`)
  }
})
afterAll(async () => t?.stop())

const upload = (file: string, data: Buffer = readFileSync(path.join(FIXTURES, file))) => as(t.app, authorToken).post('/api/h5p-packages').attach('file', data, path.basename(file))
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
    // The package's own copy of its libraries is never served; the registry's is.
    const carried = await request(t.app).get(`${doc.contentUrl}/${doc.mainLibrary.replace(' ', '-')}/library.json`)
    expect(carried.status).toBe(404)
    const installed = await request(t.app).get(`/h5p/libraries/${doc.mainLibrary.replace(' ', '-')}/library.json`)
    expect(installed.status).toBe(200)
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

describe('the library registry', () => {
  it('lists what an administrator installed, with versions and the install it came from', async () => {
    const { docs } = await t.payload.find({ collection: 'h5p-libraries' as never, where: { key: { equals: 'H5P.TrueFalse-1.6' } }, overrideAccess: true, depth: 0 })
    expect(docs[0]).toMatchObject({ machineName: 'H5P.TrueFalse', majorVersion: 1, minorVersion: 6, patchVersion: 1, runnable: true })
    const res = await as(t.app).get('/api/h5p-libraries?limit=100')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { key: string }) => d.key)).toEqual(expect.arrayContaining(['H5P.TrueFalse-1.6', 'H5P.DragText-1.8', 'H5P.Question-1.4']))
  })

  it('installs nothing again from the same package, and says so', async () => {
    const res = await install('true-false.h5p')
    expect(res.status).toBe(201)
    expect(res.body.doc.libraries.every((l: { action: string }) => l.action === 'unchanged')).toBe(true)
  })

  it('upgrades a library to a newer patch, and keeps a newer one over an older package', async () => {
    const newer = await repack('true-false.h5p', { edit: editJson('H5P.Transition-1.0/library.json', (j) => (j.patchVersion = 99)) })
    const up = await install('newer.h5p', newer)
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    expect(up.body.doc.libraries).toContainEqual(expect.objectContaining({ key: 'H5P.Transition-1.0', action: 'upgraded', patchVersion: 99 }))
    const again = await install('true-false.h5p')
    expect(again.body.doc.libraries).toContainEqual(expect.objectContaining({ key: 'H5P.Transition-1.0', action: 'kept-newer' }))
    const { docs } = await t.payload.find({ collection: 'h5p-libraries' as never, where: { key: { equals: 'H5P.Transition-1.0' } }, overrideAccess: true, depth: 0 })
    expect((docs[0] as { patchVersion: number }).patchVersion).toBe(99)
  })

  it('lets only administrators install or change libraries', async () => {
    expect((await as(t.app, authorToken).post('/api/h5p-library-installs').attach('file', fixture('true-false.h5p'), 'tf.h5p')).status).toBe(403)
    // Payload answers 403 to anonymous writes too.
    expect((await as(t.app).post('/api/h5p-library-installs').attach('file', fixture('true-false.h5p'), 'tf.h5p')).status).toBe(403)
    const res = await as(t.app, authorToken).post('/api/h5p-libraries').send({ key: 'Evil-1.0', machineName: 'Evil', majorVersion: 1, minorVersion: 0, patchVersion: 0 })
    expect(res.status).toBe(403)
  })

  it('refuses an author’s package whose library is not installed, naming it, and writes nothing', async () => {
    const withFancy = await repack('true-false.h5p', {
      edit: editJson('h5p.json', (j) => j.preloadedDependencies.push({ machineName: 'H5P.Fancy', majorVersion: '2', minorVersion: '3' })),
      add: { 'H5P.Fancy-2.3/library.json': JSON.stringify({ machineName: 'H5P.Fancy', majorVersion: 2, minorVersion: 3, patchVersion: 0, title: 'Fancy' }) },
    })
    const before = await state()
    const res = await upload('fancy.h5p', withFancy)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].message).toMatch(/H5P\.Fancy-2\.3 \(not installed\)/)
    expect(await state()).toEqual(before)
  })

  it('refuses a package whose JSON holds text no database here can store, and writes nothing', async () => {
    const before = await state()
    for (const [title, message] of [['判断题\u0000', /h5p\.json: title must not contain the character U\+0000/], ['判断题\ud800', /h5p\.json: title must be well-formed Unicode/]] as const) {
      const res = await upload('bad-title.h5p', await repack('true-false.h5p', { edit: editJson('h5p.json', (j) => (j.title = title)) }))
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      expect(res.body.errors[0].message).toMatch(message)
    }
    expect(await state()).toEqual(before)
  })

  it('refuses an author’s package that carries a newer patch than installed, naming both', async () => {
    const newer = await repack('true-false.h5p', { edit: editJson('H5P.Question-1.4/library.json', (j) => (j.patchVersion = 500)) })
    const before = await state()
    const res = await upload('newer.h5p', newer)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/H5P\.Question-1\.4 \(package has patch 500, installed \d+\)/)
    expect(await state()).toEqual(before)
    const zh = await request(t.app).post('/api/h5p-packages').set('Authorization', `JWT ${authorToken}`).attach('file', newer, 'newer.h5p')
    expect(zh.body.errors[0].message).toMatch(/平台未安装的库/)
  })

  it('serves everything under /h5p sandboxed, and readable by the opaque-origin player frame', async () => {
    const doc = (await upload('true-false.h5p')).body.doc
    for (const url of [`${doc.contentUrl}/content/content.json`, '/h5p/libraries/H5P.TrueFalse-1.6/library.json', '/h5p/player/main.bundle.js']) {
      const res = await request(t.app).get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers['content-security-policy'], url).toMatch(/^sandbox;/)
      expect(res.headers['access-control-allow-origin'], url).toBe('*')
    }
    const frame = await request(t.app).get(`/api/h5p-packages/${doc.id}/embed`)
    expect(frame.status).toBe(200)
    expect(frame.headers['content-security-policy']).toMatch(/^sandbox allow-scripts/)
    expect(frame.headers['content-security-policy']).not.toMatch(/allow-same-origin/)
    expect(frame.text).toContain('"librariesPath":"/h5p/libraries"')
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
