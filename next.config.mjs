/** @type {import('next').NextConfig} */
const nextConfig = {
  // Compilers and native modules stay real Node packages instead of being bundled into the server.
  serverExternalPackages: [
    'mdx-bundler',
    'esbuild',
    'better-sqlite3',
    '@shikijs/rehype',
    'shiki',
    '@prisma/adapter-better-sqlite3',
  ],
  // The sandbox script is executed by node, never imported; make sure standalone/traced output keeps it.
  outputFileTracingIncludes: { '/api/**': ['./lib/runner/sandbox-child.mjs', './labs/**/*', './lessons/**/*'] },
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
