/**
 * Sentence segmentation: accuracy on the project's case corpus and speed on a 5,000-word
 * article built from the seed article's paragraphs. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { segmentSentences } from '../src/modules/segmentation';
import { SEGMENTATION_CASES } from '../test/modules/segmentation/cases';

export interface SegmentationFigures {
  cases: number;
  casesCorrect: number;
  accuracy: number;
  misses: string[];
  articleWords: number;
  articleSentences: number;
  medianMsPer5000Words: number;
  sentencesPerSecond: number;
  /** Worst time over the adversarial inputs, 200,000 characters each (target < 200 ms each). */
  adversarial: { input: string; ms: number; sentences: number }[];
}

/**
 * Inputs that once made segmentation quadratic (a sentence that never ends, re-read at every
 * period; a list finder that compared every marker with every other), at the article cap.
 */
export const ADVERSARIAL_INPUTS: [string, string][] = [
  ['"Ab. " repeated', 'Ab. '],
  ['"1) " repeated', '1) '],
  ['"a.m. X " repeated', 'a.m. X '],
  ['"A. " repeated', 'A. '],
  ['"Mr. " repeated', 'Mr. '],
  ['one word "x.Yz" repeated', 'x.Yz'],
  ['"e.g. " repeated', 'e.g. '],
];

function adversarial(length = 200_000) {
  return ADVERSARIAL_INPUTS.map(([input, unit]) => {
    const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    let best = Infinity;
    let sentences = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      sentences = segmentSentences(text).length;
      best = Math.min(best, performance.now() - started);
    }
    return { input, ms: Number(best.toFixed(1)), sentences };
  });
}

function fiveThousandWords(rootDir: string): string {
  const seed = JSON.parse(fs.readFileSync(path.join(rootDir, 'content', 'articles', 'chinese-nationals-arrested-at-us-southern-border.json'), 'utf8')) as {
    body: { text: string }[];
  };
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 5000) {
    for (const block of seed.body) {
      paragraphs.push(block.text);
      words += block.text.split(/\s+/).length;
      if (words >= 5000) break;
    }
  }
  return paragraphs.join('\n\n');
}

export function measureSegmentation(rootDir: string): SegmentationFigures {
  const misses = SEGMENTATION_CASES.filter((c) => JSON.stringify(segmentSentences(c.text).map((s) => s.text)) !== JSON.stringify(c.expected)).map(
    (c) => `${c.category}: ${c.text}`,
  );
  const text = fiveThousandWords(rootDir);
  const paragraphs = text.split('\n\n');
  const runs: number[] = [];
  let sentences = 0;
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    sentences = 0;
    for (const paragraph of paragraphs) sentences += segmentSentences(paragraph).length;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)];
  return {
    cases: SEGMENTATION_CASES.length,
    casesCorrect: SEGMENTATION_CASES.length - misses.length,
    accuracy: (SEGMENTATION_CASES.length - misses.length) / SEGMENTATION_CASES.length,
    misses,
    articleWords: text.split(/\s+/).length,
    articleSentences: sentences,
    medianMsPer5000Words: Number(median.toFixed(3)),
    sentencesPerSecond: Math.round(sentences / (median / 1000)),
    adversarial: adversarial(),
  };
}

if (require.main === module) {
  const figures = measureSegmentation(path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..'));
  console.log('Sentence segmentation');
  console.log(`  corpus accuracy:     ${figures.casesCorrect}/${figures.cases} (${(figures.accuracy * 100).toFixed(1)}%)`);
  for (const miss of figures.misses) console.log(`    miss: ${miss}`);
  console.log(`  5,000-word article:  ${figures.articleWords} words, ${figures.articleSentences} sentences`);
  console.log(`  median time:         ${figures.medianMsPer5000Words} ms`);
  console.log(`  speed:               ${figures.sentencesPerSecond.toLocaleString('en-US')} sentences/s`);
  console.log('  adversarial inputs, 200,000 characters each (best of 3; target < 200 ms):');
  for (const row of figures.adversarial) console.log(`    ${row.input.padEnd(28)} ${String(row.ms).padStart(7)} ms  ${row.sentences} sentences`);
}
