/**
 * A byline as Factline stores it: the names of the people (or the agency) who wrote the article,
 * never a date, a "last updated" label, an address or a sentence. Pages put all of these in the
 * places bylines are read from ("By Lucas Nolan 22 Dec 2016", "April 28, 2019 at 6:01 am",
 * a profile's address); what is not a name is cut off, and what holds no name is no byline.
 */

/** Words that introduce a byline, in the languages of the pages Factline reads most. */
const INTRODUCTION = /^(?:(?:written|posted|reported|text|words)\s+by|by|par|por|von|di|de|door|av|af|autor(?:a|in)?|author)\s*[:：]?\s+/i;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|' +
  'janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro|' +
  'januar|februar|märz|juni|juli|oktober|dezember';

/** Where a date, a time or a publication label starts (a month's name only before a number: "June" is also a name). */
const DATE_OR_LABEL = new RegExp(
  [
    String.raw`\b(?:${MONTHS})\.?,?\s+\d`,
    String.raw`\d`,
    String.raw`\b(?:updated|published|posted|last\s+updated|mis\s+à\s+jour|publié|actualizado|publicado|atualizado|aktualisiert|veröffentlicht)\b`,
    String.raw`\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b,`,
  ].join('|'),
  'iu',
);

/** What separates a byline from what follows it on the same line. */
const SEPARATOR = /\s+[|·•—–]\s+|\s*[|·•]\s*/u;

const MAX_WORDS = 12;
const MAX_CHARS = 200;

const squeeze = (value: string) => value.replace(/\s+/gu, ' ').trim();

/**
 * The byline's first line that says more than "By": a byline set on two lines ("By Brenda
 * Goodman, MA" over "WebMD Health News") gives the name, not the desk or outlet below it.
 */
function firstLine(raw: string): string {
  const lines = raw
    .split(/[\r\n]+/)
    .map(squeeze)
    .filter(Boolean);
  const at = lines.findIndex((line) => line.replace(INTRODUCTION, '').replace(/^(?:by|par|por|von)\s*:?$/i, '') !== '');
  if (at === -1) return '';
  return at > 0 ? `${lines.slice(0, at).join(' ')} ${lines[at]}` : lines[0];
}

/** The names in a byline as a page gives it, or null when it holds none. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = firstLine(raw);
  if (/^(?:https?:|www\.)/i.test(value) || /\S+@\S+\.\S+/.test(value)) return null;
  value = value.replace(INTRODUCTION, '');
  value = value.split(SEPARATOR)[0];
  const date = DATE_OR_LABEL.exec(value);
  if (date) value = value.slice(0, date.index);
  value = value
    .replace(INTRODUCTION, '')
    .replace(/[\s,;:|·•—–(-]+$/u, '')
    .trim();
  if (!/\p{L}/u.test(value)) return null;
  if (value.split(' ').length > MAX_WORDS || value.length > MAX_CHARS) return null;
  return value;
}

const comparable = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a block of text is the byline's own line ("By Ana Lima", "Ana Lima · 20 Nov 2026,
 * 08:30", "Par Ana Lima, à Lisbonne"): it begins with the byline's names (after "By" and the
 * like) and what follows them is short. Such a line is not checkable article text.
 */
export function isBylineLine(text: string, byline: string | null): boolean {
  if (!byline) return false;
  const names = comparable(byline);
  if (!names) return false;
  const line = comparable(squeeze(text).replace(INTRODUCTION, ''));
  if (!line.startsWith(names)) return false;
  const rest = line.slice(names.length).trim();
  return rest === '' || rest.split(' ').length <= 8;
}

const DATE_WORDS = new RegExp(
  String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|(?<!\p{L})(?:${MONTHS}|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|at|on|updated|published|posted|last|gmt|utc|[a-z]{2,4}t|le|el|de|à|um)(?!\p{L})|\d+(?:h\d*|st|nd|rd|th)?`,
  'giu',
);

/** Whether a short block is only a date line ("2026-11-20", "Updated 6:01 am, April 28, 2019"): page metadata, not checkable text. */
export function isDateLine(text: string): boolean {
  if (!/\d/.test(text) || text.split(/\s+/).length > 16) return false;
  return text.replace(DATE_WORDS, '').replace(/[\s\p{P}\p{S}]+/gu, '') === '';
}
