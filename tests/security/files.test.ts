// Files: a cell sees only node, node_modules and its own scratch. Every route to the host's files (the
// database, lab solutions, the app's source, /etc, the host's /proc) is refused, and the learner is told so.
import { afterAll, describe, expect, it } from 'vitest'
import { closeAll, COMPUTED_IMPORT, freshLearner, run } from './support'

afterAll(closeAll)

// one MiniStack for the file: none of these attacks needs AWS state
const learner = freshLearner()
const ROOT = process.cwd()

describe('reading the host files', () => {
  // node:fs is allowed since issue 7 (lessons ship sample files); Node's permission model confines it to the run's
  // folder, and under it the sandbox shows none of the host's files anyway
  it('node:fs cannot read outside the run folder, and says where it can', async () => {
    const { result, stdout } = await run(
      "import { readFileSync } from 'node:fs'\nconsole.log(readFileSync('/etc/passwd', 'utf8'))",
      learner,
    )
    expect(result.status).toBe('error')
    expect(result.message).toMatch(/^cell\.ts line 2: node:fs in Cloudbook cells reaches only the run's own folder/)
    expect(stdout).toBe('')
  })

  it('node:fs/promises cannot read the database or list the root', async () => {
    const { result, stdout } = await run(
      `const fs = await import('node:fs/promises')\nconsole.log(await fs.readdir('/'))\nconsole.log(await fs.readFile('${ROOT}/.cloudbook/cloudbook.db', 'utf8'))`,
      learner,
    )
    expect(result.message).toMatch(/node:fs in Cloudbook cells reaches only the run's own folder/)
    expect(stdout).toBe('')
  })

  it('a symlink from the run folder leads nowhere: the host files are not in the sandbox at all', async () => {
    const { result, stdout } = await run(
      `import { readFileSync, symlinkSync } from 'node:fs'
symlinkSync('${ROOT}/.cloudbook/cloudbook.db', 'db-link')
symlinkSync('${ROOT}/labs/s3-versioning/solution.ts', 'solution-link')
for (const link of ['db-link', 'solution-link']) {
  try { console.log('READ', readFileSync(link, 'utf8').slice(0, 40)) } catch (e) { console.log(link, e.code) }
}`,
      learner,
    )
    expect(stdout).not.toMatch(/READ/)
    if (result.status === 'pass') {
      expect(stdout).toMatch(/db-link (ENOENT|ERR_ACCESS_DENIED)/)
      expect(stdout).toMatch(/solution-link (ENOENT|ERR_ACCESS_DENIED)/)
    } else {
      // the permission model may refuse creating the link at all
      expect(result.message).toMatch(/node:fs in Cloudbook cells reaches only the run's own folder/)
    }
  })

  it('refuses an import whose name is computed at run time', async () => {
    const { result, stdout } = await run(
      "const fs = await import(['node', 'fs'].join(':'))\nconsole.log(fs.readFileSync('/etc/passwd', 'utf8'))",
      learner,
    )
    expect(result.message).toMatch(COMPUTED_IMPORT)
    expect(stdout).toBe('')
  })

  it('has no process.getBuiltinModule to reach fs without an import', async () => {
    const { result, stdout } = await run(
      "const fs = process.getBuiltinModule('node:fs')\nconsole.log(fs.readFileSync('/etc/passwd', 'utf8'))",
      learner,
    )
    expect(result.message).toMatch(/^TypeError: process\.getBuiltinModule is not a function \(cell\.ts line 1\)$/)
    expect(stdout).toBe('')
  })

  it('has no process.binding to reach the native fs layer', async () => {
    const { result } = await run("const fs = process.binding('fs')\nconsole.log(Object.keys(fs))", learner)
    expect(result.message).toMatch(/^TypeError: process\.binding is not a function \(cell\.ts line 1\)$/)
  })

  it("refuses fetch('file:///etc/passwd') and says that only the emulator can be fetched", async () => {
    const { result, stdout } = await run(
      "const r = await fetch('file:///etc/passwd')\nconsole.log(await r.text())",
      learner,
    )
    expect(result.status).toBe('error')
    expect(stdout).not.toMatch(/root:/)
    // issue 6, item 4: the refusal names what was refused and what to do instead
    expect(result.message).toBe(
      'fetch() in Cloudbook cells can only reach the AWS emulator over http; "file:///etc/passwd" is not available. To read data, put it in the cell or in an S3 object.',
    )
  })

  it('refuses importing a lab solution by a relative path', async () => {
    const { result } = await run(`import '../../../..${ROOT}/labs/s3-versioning/solution'`, learner)
    expect(result.message).toMatch(/cannot be imported: a cell may import only the files its lesson provides/)
  })

  it('refuses importing the database or the app source by absolute path or file: URL', async () => {
    const db = await run(`import db from '${ROOT}/.cloudbook/cloudbook.db'\nconsole.log(db)`, learner)
    expect(db.result.message).toMatch(/cannot be imported: a cell may import only the files its lesson provides/)
    const source = await run(`import * as auth from 'file://${ROOT}/lib/auth/secret.ts'\nconsole.log(auth)`, learner)
    expect(source.result.message).toMatch(/cannot be imported: a cell may import only the files its lesson provides/)
  })

  it('refuses climbing out of an @aws-sdk package path to another file', async () => {
    const { result } = await run(
      "import x from '@aws-sdk/client-s3/../../../labs/s3-versioning/solution'\nconsole.log(x)",
      learner,
    )
    expect(result.message).toMatch(
      /"@aws-sdk\/client-s3\/\.\.\/\.\.\/\.\.\/labs\/s3-versioning\/solution" is not a module path Cloudbook allows/,
    )
  })

  it("finds no trace of the app's folder anywhere in what the process can see of itself", async () => {
    // the diagnostic report lists command line, cwd, loaded libraries and environment: a leak of the host layout
    const { result, stdout } = await run(
      `const text = JSON.stringify(process.report.getReport())
console.log(JSON.stringify({ size: text.length, app: text.includes('${ROOT}'), secrets: /cloudbook\\.db|DATABASE_URL|BETTER_AUTH|POSTGRES/.test(text) }))`,
      learner,
    )
    expect(result, stdout).toEqual({ status: 'pass', expectations: [] })
    const seen: { size: number; app: boolean; secrets: boolean } = JSON.parse(stdout)
    expect(seen.size).toBeGreaterThan(1000)
    expect(seen).toMatchObject({ app: false, secrets: false })
  })
})

describe('writing outside the scratch folder', () => {
  it('refuses a Node report written outside /opt/cloudbook/run (the permission model)', async () => {
    const { result } = await run("process.report.writeReport('/opt/cloudbook/escaped.json')", learner)
    expect(result.message).toMatch(
      /^(Error: Access to this API has been restricted \(cell\.ts line 1\)|cell\.ts line 1: node:fs in Cloudbook cells reaches only the run's own folder.*)$/,
    )
  })
})

describe("the host's /proc and identity", () => {
  it('runs as uid 65534, PID 1 of its own namespace, in its folder under /opt/cloudbook/run', async () => {
    const { stdout } = await run(
      'console.log(JSON.stringify([process.getuid(), process.getgid(), process.pid, process.ppid, process.cwd()]))',
      learner,
    )
    expect(JSON.parse(stdout)).toEqual([65534, 65534, 1, 0, '/opt/cloudbook/run/work'])
  })

  it("sees its own hostname, loopback only and none of the server's environment", async () => {
    const { stdout } = await run(
      `const { header, environmentVariables } = process.report.getReport()
console.log(JSON.stringify({ host: header.host, interfaces: [...new Set(header.networkInterfaces.map((i) => i.name))], env: Object.keys(environmentVariables).sort() }))`,
      learner,
    )
    const seen: { host: string; interfaces: string[]; env: string[] } = JSON.parse(stdout)
    expect(seen.host).toBe('cloudbook')
    expect(seen.interfaces).toEqual(['lo'])
    expect(seen.env.filter((k) => !k.startsWith('AWS_'))).toEqual(['HOME', 'TMPDIR'])
  })
})
