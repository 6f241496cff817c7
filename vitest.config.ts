import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Next makes `server-only` throw in client bundles; outside Next it is just a marker.
  'server-only': path.resolve(import.meta.dirname, 'tests/setup/server-only.ts'),
}

const shared = { alias, setupFiles: ['tests/setup/worker-database.ts'], testTimeout: 30_000, hookTimeout: 120_000 }

export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global.ts'],
    // two cores: more workers only fight over the CPU the emulator and the sandboxes need
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'sqlite',
          include: ['lib/**/*.test.ts', 'tests/{content,data,integration,security}/**/*.test.ts'],
          env: { CLOUDBOOK_TEST_DB: 'sqlite' },
        },
      },
      {
        resolve: { alias },
        test: {
          ...shared,
          name: 'postgres',
          include: ['tests/data/**/*.test.ts'],
          env: { CLOUDBOOK_TEST_DB: 'postgres' },
        },
      },
    ],
  },
})
