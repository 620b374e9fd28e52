import fs from 'node:fs';
import path from 'node:path';

import type * as EsbuildModule from 'esbuild';

type Esbuild = typeof EsbuildModule;
const bundled = new Map<string, string>();

/**
 * The JavaScript file a worker thread runs for `source` (a path to a `.ts` module without its
 * extension, beside the caller). Compiled (dist/, production): the `.js` file tsc wrote next to
 * the caller. From TypeScript sources (the test suite): a worker cannot load `.ts`, so the module
 * is bundled once per process with esbuild, a development dependency, into a temporary file under
 * node_modules/.cache (removed when the process exits), its packages left to node_modules.
 */
export function workerScript(callerFile: string, source: string): string {
  const base = path.join(path.dirname(callerFile), source);
  if (callerFile.endsWith('.js')) return `${base}.js`;
  const known = bundled.get(base);
  if (known) return known;
  // Inside node_modules, so that the bundle's packages resolve as they do for the sources.
  const cache = path.join(path.dirname(path.dirname(require.resolve('esbuild/package.json'))), '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'factline-worker-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const outfile = path.join(dir, `${path.basename(source)}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as Esbuild;
  esbuild.buildSync({ entryPoints: [`${base}.ts`], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'warning' });
  bundled.set(base, outfile);
  return outfile;
}
