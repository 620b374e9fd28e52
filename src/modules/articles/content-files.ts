import fs from 'node:fs';
import path from 'node:path';
import { ContentArticle } from './articles-schemas';

/** The shipped articles (content/articles/*.json) in file-name order, each checked against its schema; none when the folder is absent. */
export function readContentDirectory(directory: string): ContentArticle[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ContentArticle.parse(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8'))));
}
