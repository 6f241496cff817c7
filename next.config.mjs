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
  // .cloudbook holds local data (database, emulator venvs whose symlinks leave the project, sockets): never part of
  // a build, whatever paths server code computes into it
  outputFileTracingExcludes: { '*': ['./.cloudbook/**/*'] },
  poweredByHeader: false,
  // forbidden() from next/navigation: pages answer 403 to a signed-in account without the role (lib/auth/require.ts)
  experimental: { authInterrupts: true },
  reactStrictMode: true,
}

export default nextConfig
