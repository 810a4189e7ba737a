import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Packs the project as npm would publish it, installs the tarball into a fresh project, and runs the
// Puffle example it ships there against the installed package: what `npm install enrichment-mock` gives.
// Needs the npm registry (for msw, vitest, typescript). ENRICHMENT_MOCK_SKIP_PACK=1 skips it offline.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Manifest {
  version: string;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Runs a command to completion and gives its stdout; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  // The outer vitest's variables would make the inner one think it runs inside a worker; no colours.
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR'),
    ),
    NO_COLOR: '1',
  };
  return new Promise((resolve, reject) => {
    // Windows runs npm.cmd only through a shell.
    const options = { cwd, env, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' };
    execFile(command, args, options, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.skipIf(process.env['ENRICHMENT_MOCK_SKIP_PACK'] === '1')('the published package', () => {
  it('installs from its tarball, runs the Puffle example with its own vitest, type-checks it and runs the CLI without tsx', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const packDir = await mkdtemp(join(tmpdir(), 'enrichment-mock-pack-'));
    const project = await mkdtemp(join(tmpdir(), 'enrichment-mock-user-'));
    temporary.push(packDir, project);

    // `npm pack` runs `prepack`, which builds dist/.
    await run(NPM, ['pack', '--pack-destination', packDir, '--silent'], ROOT);
    const [tarball] = (await readdir(packDir)).filter((file) => file.endsWith('.tgz'));
    expect(tarball, 'npm pack wrote no tarball').toBeDefined();

    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'enrichment-mock-user', private: true, type: 'module' }, null, 2),
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ['*.ts', 'puffle'],
      }),
    );
    await run(
      NPM,
      [
        'install',
        join(packDir, tarball ?? ''),
        `msw@${manifest.peerDependencies['msw'] ?? 'latest'}`,
        `vitest@${manifest.devDependencies['vitest'] ?? 'latest'}`,
        `typescript@${manifest.devDependencies['typescript'] ?? 'latest'}`,
        `@types/node@${manifest.devDependencies['@types/node'] ?? 'latest'}`,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
      ],
      project,
    );

    // The example ships in the package; it imports 'enrichment-mock', which resolves to the installed copy.
    await mkdir(join(project, 'puffle'));
    for (const file of ['client.ts', 'client.test.ts'])
      await cp(
        join(project, 'node_modules/enrichment-mock/examples/puffle', file),
        join(project, 'puffle', file),
      );

    const tests = await run(NPX, ['vitest', 'run'], project); // rejects when a test fails
    expect(tests).toMatch(/Tests\s+\d+ passed/);

    await run(NPX, ['tsc', '-p', '.'], project); // the published type declarations fit the example

    // The installed bin runs the compiled dist/: no sources, and no tsx (a devDependency of a clone only).
    expect(existsSync(join(project, 'node_modules/enrichment-mock/src'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
    const version = await run(NPX, ['--no', '--', 'enrichment-mock', '--version'], project);
    expect(version.trim()).toBe(manifest.version);
    const validate = await run(NPX, ['--no', '--', 'enrichment-mock', 'validate', 'default'], project);
    expect(validate).toMatch(/^default: ok: scenario "default"/);

    // The dashboard ships as it is served (no build step): its page and every module it imports.
    const dashboard = join(project, 'node_modules/enrichment-mock/dashboard');
    const shipped = await readdir(dashboard);
    expect(shipped).toEqual(expect.arrayContaining(['index.html', 'app.js', 'style.css']));
    for (const file of shipped.filter((name) => name.endsWith('.js')))
      for (const [, imported] of (await readFile(join(dashboard, file), 'utf8')).matchAll(
        /from '\.\/(.+?)'/g,
      ))
        expect(shipped, `${file} imports ${imported}`).toContain(imported);

    // And the installed server serves it, with nothing built at start.
    const server = spawn(
      process.execPath,
      [join(project, 'node_modules/enrichment-mock/bin/enrichment-mock.js'), 'serve', '--port', '0'],
      { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
          if (found !== undefined) resolve(found);
        });
        server.once('exit', (code) => reject(new Error(`the installed server exited (${code}): ${out}`)));
      });
      const page = await fetch(`${origin}/__admin/ui`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('app.js');
      const app = await fetch(`${origin}/__admin/ui/app.js`);
      expect([app.status, app.headers.get('content-type')]).toEqual([
        200,
        expect.stringMatching(/javascript/),
      ]);
    } finally {
      server.kill('SIGTERM');
    }
  }, 300_000);
});
