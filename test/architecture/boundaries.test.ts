import fs from 'node:fs';
import path from 'node:path';
import { areaOf, cycles, importEdges, moduleGraph, type ImportEdge } from '../../scripts/dependency-graph';

/**
 * The architecture's rules, checked on the source (docs/architecture.md): modules meet only
 * through each other's index.ts, which exports services, types and pure functions, never
 * repository functions; src/http knows no domain module; there are no import cycles.
 */
const SRC = path.join(__dirname, '../../src');
const edges = importEdges(SRC);
const runtime = edges.filter((edge) => !edge.typeOnly);
/** About 1,500 lines, with room for a module's next small change (issue 24). */
const MAX_MODULE_LINES = 1_650;
const show = (list: ImportEdge[]) => list.map((e) => `${e.from} -> ${e.to}`);

describe('module boundaries', () => {
  test('when a module imports another module, then it goes through that module’s index.ts', () => {
    const crossing = edges.filter((e) => areaOf(e.from).startsWith('modules/') && areaOf(e.to).startsWith('modules/') && areaOf(e.from) !== areaOf(e.to));
    expect(crossing.length).toBeGreaterThan(5);
    expect(show(crossing.filter((e) => path.basename(e.to) !== 'index.ts'))).toEqual([]);
  });

  test('when anything outside a module imports it, then only through its index.ts (tests and scripts aside)', () => {
    const outside = edges.filter((e) => !areaOf(e.from).startsWith('modules/') && areaOf(e.to).startsWith('modules/') && areaOf(e.from) !== 'types');
    expect(show(outside.filter((e) => path.basename(e.to) !== 'index.ts'))).toEqual([]);
  });

  test('when src/http is read, then it imports no domain module', () => {
    expect(show(edges.filter((e) => areaOf(e.from) === 'http' && areaOf(e.to).startsWith('modules/')))).toEqual([]);
  });

  test('when a module’s index.ts is read, then it exports nothing from a repository', () => {
    const modules = fs.readdirSync(path.join(SRC, 'modules'));
    for (const name of modules) {
      const index = fs.readFileSync(path.join(SRC, 'modules', name, 'index.ts'), 'utf8');
      expect({ module: name, reexportsRepository: /from '\.\/[^']*repository'/.test(index) }).toEqual({ module: name, reexportsRepository: false });
    }
  });

  test('when the modules are measured, then none is over about 1,500 lines (a bigger one holds more than one reason to change)', () => {
    const sizes = fs.readdirSync(path.join(SRC, 'modules')).map((name) => ({
      module: name,
      lines: [...sources(path.join(SRC, 'modules', name)).values()].reduce((sum, text) => sum + text.split('\n').length, 0),
    }));
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter((s) => s.lines > MAX_MODULE_LINES)).toEqual([]);
  });

  test('when the import graph is built, then areas have no cycles and files have no runtime cycles', () => {
    expect(cycles(moduleGraph(runtime))).toEqual([]);
    const fileGraph = new Map<string, Set<string>>();
    for (const edge of runtime) {
      if (!fileGraph.has(edge.from)) fileGraph.set(edge.from, new Set());
      fileGraph.get(edge.from)!.add(edge.to);
    }
    expect(cycles(fileGraph)).toEqual([]);
  });
});

/** Everything under src/, file by file (path relative to src/ → text). */
function sources(dir = SRC): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, text] of sources(full)) files.set(file, text);
    else if (entry.name.endsWith('.ts')) files.set(path.relative(SRC, full), fs.readFileSync(full, 'utf8'));
  }
  return files;
}

/**
 * What follows a change is a subscriber of the domain events (docs/adr/0004): each effect's writer
 * is called only by its own module's subscriber (and the writer's own file), and no index.ts
 * offers it, so a service cannot call another module's side effect by hand.
 */
const EFFECT_WRITERS: Record<string, string[]> = {
  recordAuditEvent: ['modules/audit/audit-service.ts', 'modules/audit/audit-subscriber.ts'],
  notify: ['modules/notifications/notifications.ts', 'modules/notifications/notification-subscriber.ts'],
  queueEmails: ['modules/notifications/email-outbox.ts', 'modules/notifications/notifications.ts'],
  enqueue: ['modules/webhooks/webhooks-repository.ts', 'modules/webhooks/webhook-subscriber.ts'],
  refreshClaimStats: ['modules/review/claim-stats.ts'],
  flagNewEvidence: ['modules/verdicts/decisions-repository.ts', 'modules/verdicts/decisions-service.ts'],
  flagNeedsRecheck: ['modules/verdicts/decisions-repository.ts', 'modules/verdicts/decisions-service.ts'],
  publicContentChanged: ['lib/change-feed.ts', 'events/public-content-subscriber.ts', 'db/pg-change-bridge.ts'],
};

describe('what follows a change', () => {
  const files = sources();

  test.each(Object.entries(EFFECT_WRITERS))('when %s is looked for, then only its subscriber and its own file call it', (writer, allowed) => {
    const callers = [...files].filter(([, text]) => new RegExp(`(^|[^\\w])${writer}\\(`, 'm').test(text)).map(([file]) => file);
    expect(callers.sort()).toEqual([...allowed].sort());
  });

  test('when a module’s index.ts is read, then it offers no effect writer', () => {
    const offered = [...files]
      .filter(([file]) => /^modules\/[^/]+\/index\.ts$/.test(file))
      .flatMap(([file, text]) =>
        Object.keys(EFFECT_WRITERS)
          .filter((writer) => new RegExp(`\\b${writer}\\b`).test(text))
          .map((writer) => `${file}: ${writer}`),
      );
    expect(offered).toEqual([]);
  });
});

describe('how the code reads', () => {
  const files = sources();

  test('when a file is read, then no doc comment is stacked on another (one comment says what a thing is)', () => {
    const stacked = [...files].flatMap(([file, text]) =>
      text.split('\n').flatMap((line, i, lines) => (line.trim().endsWith('*/') && lines[i + 1]?.trim().startsWith('/**') ? [`${file}:${i + 2}`] : [])),
    );
    expect(stacked).toEqual([]);
  });

  test('when a file is read, then its imports come before its code', () => {
    const late = [...files].filter(([, text]) => {
      const firstCode = text.search(/^(export |const |let |function |class |async function |interface |type )/m);
      return firstCode >= 0 && /^import /m.test(text.slice(firstCode));
    });
    expect(late.map(([file]) => file)).toEqual([]);
  });
});

describe('the cycle finder', () => {
  test('when a graph has a cycle, then it is found, and a chain is not taken for one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
        ]),
      ),
    ).toEqual([]);
  });
});
