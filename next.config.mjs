import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // express serves /api and static H5P; Next only renders pages.
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  // tsc checks types in `npm run typecheck`; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
