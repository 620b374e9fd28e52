/**
 * No Docker engine runs on these machines, so the Dockerfile is checked by replaying it: on a
 * fresh clone, each stage's COPY and RUN steps run in a directory of their own (system packages
 * excepted: apt-get is skipped, the machine has python3, make and g++), then the final stage's
 * CMD starts with its ENV and its HEALTHCHECK must pass, SIGTERM must stop it cleanly, and the
 * final stage must hold compiled output and production dependencies only.
 */
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { freePort, requestJson } from './support/server-process';

jest.setTimeout(600_000);

interface Stage {
  name: string | null;
  steps: { kind: string; args: string }[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const joined = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of joined) {
    const [kind, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (kind.toUpperCase() === 'FROM') stages.push({ name: / AS (\w+)/i.exec(args)?.[1] ?? null, steps: [] });
    else stages[stages.length - 1].steps.push({ kind: kind.toUpperCase(), args });
  }
  return stages;
}

function copyInto(fromRoot: string, sources: string[], destination: string, workdir: string) {
  const target = path.resolve(workdir, destination);
  for (const source of sources) {
    const from = path.join(fromRoot, source.replace(/^\/app\//, ''));
    const to = sources.length > 1 || destination.endsWith('/') ? path.join(target, path.basename(source)) : target;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(from, to, { recursive: true });
  }
}

test('when the Dockerfile is replayed on a clean clone, then the final stage starts, is healthy, stops on SIGTERM, and holds no sources or dev dependencies', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-docker-'));
  try {
    const clone = path.join(tmp, 'clone');
    execSync(`git clone --quiet "${PROJECT_ROOT}" "${clone}"`);
    const stages = parseDockerfile(fs.readFileSync(path.join(clone, 'Dockerfile'), 'utf8'));
    expect(stages.map((s) => s.name)).toEqual(['build', null]);
    const dirs = new Map<string, string>();
    let runtimeEnv: NodeJS.ProcessEnv = {};
    let cmd: string[] = [];
    let healthcheck = '';
    for (const [index, stage] of stages.entries()) {
      const workdir = path.join(tmp, stage.name ?? `stage-${index}`);
      fs.mkdirSync(workdir, { recursive: true });
      if (stage.name) dirs.set(stage.name, workdir);
      for (const { kind, args } of stage.steps) {
        if (kind === 'COPY') {
          const fromStage = /--from=(\w+)/.exec(args)?.[1];
          const parts = args.replace(/--from=\w+\s*/, '').split(/\s+/);
          copyInto(fromStage ? dirs.get(fromStage)! : clone, parts.slice(0, -1), parts[parts.length - 1], workdir);
        } else if (kind === 'RUN' && !args.includes('apt-get') && !args.startsWith('mkdir -p /data')) {
          execSync(args, { cwd: workdir, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
        } else if (kind === 'ENV') {
          for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) runtimeEnv[key] = value;
        } else if (kind === 'CMD') {
          cmd = JSON.parse(args);
        } else if (kind === 'HEALTHCHECK') {
          healthcheck = /CMD (.*)$/.exec(args)![1];
        }
      }
      if (!stage.name) runtimeEnv = { ...runtimeEnv, __workdir: workdir };
    }
    const runtime = runtimeEnv.__workdir as string;
    expect(fs.existsSync(path.join(runtime, 'dist', 'src', 'server.js'))).toBe(true);
    expect(fs.existsSync(path.join(runtime, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(runtime, 'test'))).toBe(false);
    expect(fs.existsSync(path.join(runtime, 'node_modules', 'typescript'))).toBe(false);
    expect(fs.existsSync(path.join(runtime, 'node_modules', 'jest'))).toBe(false);
    expect(fs.existsSync(path.join(runtime, 'node_modules', 'sqlite3'))).toBe(true);
    // The browser bundles are built in the image (a clean clone has none: they are git-ignored).
    expect(fs.existsSync(path.join(runtime, 'public', 'js', 'factline.js'))).toBe(true);
    expect(fs.existsSync(path.join(runtime, 'public', 'embed.js'))).toBe(true);

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...runtimeEnv,
      PORT: String(port),
      DATABASE_URL: path.join(tmp, 'data', 'factline.sqlite'),
      LOG_LEVEL: 'warn',
    };
    delete env.__workdir;
    const server = spawn(cmd[0], cmd.slice(1), { cwd: runtime, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = await requestJson('GET', port, '/healthz').then(
        (r) => r.status === 200,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    expect((await requestJson('GET', port, '/articles/chinese-nationals-arrested-at-us-southern-border')).status).toBe(200);
    expect((await requestJson('GET', port, '/embed.js')).status).toBe(200);
    const healthArgs = healthcheck.match(/^(\S+) -e "(.*)"$/)!;
    execSync(`${healthArgs[1]} -e "${healthArgs[2]}"`, { env: { ...process.env, PORT: String(port) } });
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
