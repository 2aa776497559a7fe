import { defineConfig } from 'vitest/config';

// Two projects: "unit" (pure engines and everything that does not touch a database) runs
// once; "db" (services, repos and API tests) runs on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set.
const dbProjects = [
  {
    test: {
      name: 'db-pglite',
      include: ['test/api/**/*.test.ts', 'src/server/**/*.db.test.ts'],
      env: { TEST_BACKEND: 'pglite' },
      globalSetup: ['test/support/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  dbProjects.push({
    test: {
      name: 'db-postgres',
      include: ['test/api/**/*.test.ts', 'src/server/**/*.db.test.ts'],
      env: { TEST_BACKEND: 'postgres' },
      globalSetup: ['test/support/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
        },
      },
      ...dbProjects,
    ],
  },
});
