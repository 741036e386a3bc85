import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { say } from '../../../src/i18n/say'
import { H5PPackageError, type H5PPackage, readH5PPackage } from './readPackage'

type Limits = { maxInflatedBytes: number; maxEntries: number }

/**
 * The hook of an upload collection of .h5p files: on create, the file is read and validated before
 * anything is stored (a 400 says what is wrong), then `accept` may refuse it too, and the package
 * is left in `req.context[contextKey]`; an update may not replace the file.
 */
export const readUploadedPackage =
  (contextKey: string, limits: Limits, accept: (pkg: H5PPackage, req: PayloadRequest) => Promise<void> = async () => {}): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation === 'update' || operation === 'updateByID') {
      if (req.file) throw new APIError(say(req, '已上传的 H5P 资源包不能替换，请重新上传', 'an uploaded H5P package cannot be replaced; upload it again instead'), 400)
      return args
    }
    if (operation !== 'create') return args
    if (!req.file?.data) throw new APIError(say(req, '请以 file 字段上传 .h5p 文件', 'attach the .h5p file as "file"'), 400)
    let pkg: H5PPackage
    try {
      pkg = await readH5PPackage(req.file.data, limits)
    } catch (error) {
      // The reason names files and fields of the package, so it stays as written.
      if (error instanceof H5PPackageError) throw new APIError(say(req, `H5P 资源包无效：${error.message}`, `invalid H5P package: ${error.message}`), 400)
      throw error
    }
    await accept(pkg, req)
    req.context[contextKey] = pkg
    // Payload checks the type by content; a zip is what an .h5p is.
    req.file.mimetype = 'application/zip'
    return args
  }
