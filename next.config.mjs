import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // express serves /api and static H5P; Next only renders pages.
  poweredByHeader: false,
  // tsc checks types in `npm run typecheck`; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload asks every path for the browser's colour scheme as a critical hint (Critical-CH), and
// Chromium-based browsers then send a visitor's first request twice: every portal page a new
// visitor opened was rendered twice. Only the admin panel reads the hint (its theme).
const payloadHeaders = config.headers
config.headers = async () =>
  (await payloadHeaders()).map((rule) => (rule.headers.some((h) => h.key === 'Critical-CH') ? { ...rule, source: '/admin/:path*' } : rule))

export default config
