/**
 * Word lists the segmenter uses to tell an abbreviation's period from a sentence's end.
 * All lookups are on the word without its final period; lower-case sets are matched
 * case-insensitively, the capitalised set only as written (so "sat." the verb is a word,
 * "Sat." the weekday an abbreviation).
 */

/** Titles and other abbreviations that precede a name: never the end of a sentence. */
export const PREPOSITIVE = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'sen', 'rep', 'gov', 'pres',
  'capt', 'cmdr', 'cdr', 'col', 'lt', 'maj', 'sgt', 'cpl', 'pvt', 'adm', 'brig', 'rev', 'fr',
  'hon', 'messrs', 'mme', 'mlle', 'supt', 'insp', 'det', 'atty', 'amb', 'rt', 'sra', 'srta',
]);

/** Abbreviations that stand before a number ("No. 5", "p. 55"); elsewhere they are plain words. */
export const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'n°', 'vol', 'vols', 'p', 'pp', 'pg', 'fig', 'figs', 'ch', 'chap', 'sec',
  'art', 'para', 'ed', 'eq', 'eqs', 'ex', 'tel', 'ref', 'op', 'ln', 'ver', 'rev',
]);

/** Abbreviations that may end a sentence; they do when a common sentence opener follows. */
export const POSTPOSITIVE = new Set([
  'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'esq', 'bros', 'llc', 'plc', 'vs', 'v', 'al',
  'cf', 'ca', 'approx', 'dept', 'univ', 'assn', 'assoc', 'est', 'ave', 'blvd', 'rd', 'hwy', 'apt',
  'govt', 'min', 'max', 'hr', 'hrs', 'mins', 'secs', 'km', 'kg', 'lb', 'lbs', 'oz', 'mi', 'yr',
  'yrs', 'misc', 'mgr', 'intl', 'natl', 'avg', 'dist', 'div', 'gal', 'mfg', 'pt', 'qt', 'tbsp',
  'tsp', 'viz', 'dept', 'mln', 'bn', 'tr', 'sq', 'cu', 'pct',
]);

/** Capitalised-only abbreviations (months and weekdays). */
export const CAPITALISED = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
]);

/** Times of day; "a.m." ends a sentence unless it sits in an opening phrase ("At 5 a.m. Mr. Smith …"). */
export const TIME_OF_DAY = new Set(['a.m', 'p.m']);

/**
 * Words that commonly open an English sentence. After an abbreviation that could end a
 * sentence ("U.S.", "Inc.", "etc."), one of these next is read as a new sentence;
 * any other capitalised word ("U.S. Customs") is read as the abbreviation's sentence going on.
 */
export const SENTENCE_OPENERS = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'I', 'We', 'You', 'He', 'She',
  'They', 'There', 'Here', 'My', 'Our', 'Your', 'His', 'Her', 'Their', 'What', 'When', 'Where',
  'Why', 'How', 'Who', 'Whom', 'Which', 'But', 'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile',
  'Then', 'If', 'In', 'On', 'At', 'For', 'As', 'After', 'Before', 'Since', 'While', 'Although',
  'Though', 'Because', 'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Will', 'Would', 'Can',
  'Could', 'Should', 'Shall', 'May', 'Might', 'Must', 'Has', 'Have', 'Had', 'Let', "Let's",
  'Not', 'No', 'Yes', 'All', 'Some', 'Many', 'Most', 'Each', 'Every', 'According', 'Still',
  'Also', 'Even', 'Now', 'Today', 'Yesterday', 'Tomorrow', 'Such', 'Both', 'Despite', 'With',
  'Without', 'From', 'By', 'Of', 'Once', 'Thus', 'Therefore', 'Moreover', 'Furthermore',
  'Instead', 'Indeed', 'Nevertheless', 'Nonetheless', 'Otherwise', 'Finally', 'First', 'Second',
  'Last', 'Next', 'Later', 'Earlier', 'Unlike', 'Like', 'Among', 'During', 'Under', 'Over',
  'Only', 'Just', 'Perhaps', 'Please', 'Thanks', 'Thank', 'Hello', 'Oh', 'Well', 'None',
  'Nothing', 'Nobody', 'Neither', 'Few', 'Several', 'Other', 'Others', 'Everyone', 'Nearly',
  'Almost', 'Any', 'Two', 'Three', 'One',
]);
