/**
 * The claim-matching test set (issue 15): claims on record in four articles, and new claims to
 * match against them, written for this purpose. A paraphrase must find its claim among the first
 * five; a near-miss (a changed figure, year, negation, direction or subject) must never be
 * presented as the same claim. Used by the matching tests and by `npm run bench`.
 */
export interface RecordedClaim {
  key: string;
  article: 'migration' | 'economy' | 'health' | 'climate';
  quote: string;
  published: boolean;
}

export interface MatchingPair {
  text: string;
  target: string;
  kind: 'paraphrase' | 'near-miss';
  /** For a near-miss: what was changed. */
  changed?: 'number' | 'year' | 'negation' | 'direction' | 'subject';
}

export const RECORDED_CLAIMS: RecordedClaim[] = [
  {
    key: 'A1',
    article: 'migration',
    quote: 'Border Patrol agents arrested more than 22,000 Chinese nationals at the southern border in 2023.',
    published: true,
  },
  {
    key: 'A2',
    article: 'migration',
    quote: 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.',
    published: true,
  },
  { key: 'A3', article: 'migration', quote: 'Migrants pay smugglers up to $10,000 to cross the Darién Gap.', published: false },
  { key: 'A4', article: 'migration', quote: 'The number of Chinese migrants crossing the border rose tenfold between 2022 and 2023.', published: true },
  { key: 'A5', article: 'migration', quote: 'Most Chinese migrants apply for asylum after crossing.', published: false },
  { key: 'A6', article: 'migration', quote: 'The journey from Quito to the US border takes about three weeks.', published: false },
  { key: 'B1', article: 'economy', quote: 'Unemployment fell to 3.7 percent in November.', published: true },
  { key: 'B2', article: 'economy', quote: "The city's budget deficit reached $4 billion last year.", published: true },
  { key: 'B3', article: 'economy', quote: 'Inflation has not exceeded 5 percent since 2021.', published: false },
  { key: 'B4', article: 'economy', quote: 'Rents in the capital rose 12 percent in 2022.', published: true },
  { key: 'B5', article: 'economy', quote: 'The minimum wage will increase to $15 an hour in 2025.', published: false },
  { key: 'B6', article: 'economy', quote: 'Half of all new jobs were created by small businesses.', published: true },
  { key: 'C1', article: 'health', quote: 'The vaccine was tested on 40,000 volunteers before approval.', published: true },
  { key: 'C2', article: 'health', quote: 'Measles cases doubled in Europe in 2023.', published: false },
  { key: 'C3', article: 'health', quote: 'Hospitals in the region have 1,200 intensive care beds.', published: true },
  { key: 'C4', article: 'health', quote: 'Life expectancy in the country dropped to 76 years.', published: false },
  { key: 'C5', article: 'health', quote: 'One in five children is overweight.', published: true },
  { key: 'C6', article: 'health', quote: 'The new drug does not cause heart problems.', published: true },
  { key: 'D1', article: 'climate', quote: "Solar power produced 12% of Germany's electricity in 2023.", published: true },
  { key: 'D2', article: 'climate', quote: 'The sea level rose 10 centimetres over the last thirty years.', published: false },
  { key: 'D3', article: 'climate', quote: 'The government plans to close all coal plants by 2030.', published: true },
  { key: 'D4', article: 'climate', quote: 'Wildfires burned 4,000 square kilometres in California this summer.', published: true },
  { key: 'D5', article: 'climate', quote: 'Electric cars made up 20 percent of new car sales in France.', published: false },
  { key: 'D6', article: 'climate', quote: 'The river has never flooded in winter.', published: true },
];

export const MATCHING_PAIRS: MatchingPair[] = [
  // Paraphrases: reworded, reordered, other number formats, abbreviations, synonyms.
  { kind: 'paraphrase', target: 'A1', text: 'In 2023, more than 22k PRC nationals were caught by Border Patrol.' },
  { kind: 'paraphrase', target: 'A1', text: 'US border agents detained over twenty-two thousand Chinese citizens in 2023.' },
  { kind: 'paraphrase', target: 'A1', text: '22,000 Chinese arrested at the border in 2023' },
  { kind: 'paraphrase', target: 'A2', text: 'Ecuador allows visa-free entry for Chinese citizens, so the journey usually begins with a flight there.' },
  { kind: 'paraphrase', target: 'A2', text: 'Chinese migrants typically fly first to Ecuador, which lets PRC citizens in visa-free.' },
  { kind: 'paraphrase', target: 'A3', text: 'Smugglers charge migrants as much as $10,000 to cross the Darien Gap.' },
  { kind: 'paraphrase', target: 'A3', text: 'Crossing the Darién Gap costs migrants up to 10,000 dollars paid to smugglers.' },
  { kind: 'paraphrase', target: 'A4', text: 'Chinese migrant crossings at the border increased tenfold from 2022 to 2023.' },
  { kind: 'paraphrase', target: 'A4', text: 'Between 2022 and 2023 the number of Chinese nationals crossing the U.S. border grew ten times.' },
  { kind: 'paraphrase', target: 'A5', text: 'After crossing, most Chinese migrants seek asylum.' },
  { kind: 'paraphrase', target: 'A5', text: 'Most migrants from China ask for asylum once they have crossed.' },
  { kind: 'paraphrase', target: 'A6', text: 'It takes roughly three weeks to travel from Quito to the United States border.' },
  { kind: 'paraphrase', target: 'B1', text: 'The unemployment rate dropped to 3.7% in November.' },
  { kind: 'paraphrase', target: 'B1', text: 'In November unemployment declined to 3.7 per cent.' },
  { kind: 'paraphrase', target: 'B2', text: 'Last year the city ran a $4bn budget deficit.' },
  { kind: 'paraphrase', target: 'B2', text: "The city's deficit hit four billion dollars last year." },
  { kind: 'paraphrase', target: 'B3', text: 'Since 2021 inflation has never gone above 5%.' },
  { kind: 'paraphrase', target: 'B3', text: 'Inflation has stayed at or below 5 percent since 2021.' },
  { kind: 'paraphrase', target: 'B4', text: 'In 2022 rents in the capital went up by 12%.' },
  { kind: 'paraphrase', target: 'B4', text: 'Capital city rents increased 12 percent in 2022.' },
  { kind: 'paraphrase', target: 'B5', text: 'By 2025 the minimum wage will rise to $15 per hour.' },
  { kind: 'paraphrase', target: 'B6', text: 'Small businesses created half of the new jobs.' },
  { kind: 'paraphrase', target: 'C1', text: 'Before it was approved, the vaccine was tested on 40,000 volunteers.' },
  { kind: 'paraphrase', target: 'C1', text: 'The vaccine trials enrolled 40k volunteers before approval.' },
  { kind: 'paraphrase', target: 'C2', text: 'In 2023 measles cases in Europe doubled.' },
  { kind: 'paraphrase', target: 'C2', text: 'Europe saw measles infections double in 2023.' },
  { kind: 'paraphrase', target: 'C3', text: "The region's hospitals have 1,200 ICU beds." },
  { kind: 'paraphrase', target: 'C4', text: 'Life expectancy in the country fell to 76.' },
  { kind: 'paraphrase', target: 'C5', text: 'One in five kids is overweight.' },
  { kind: 'paraphrase', target: 'C5', text: 'Twenty percent of children are overweight.' },
  { kind: 'paraphrase', target: 'C6', text: "The new drug doesn't cause heart problems." },
  { kind: 'paraphrase', target: 'D1', text: "Solar panels generated 12 percent of Germany's electricity in 2023." },
  { kind: 'paraphrase', target: 'D1', text: 'In 2023, 12% of German electricity came from solar power.' },
  { kind: 'paraphrase', target: 'D2', text: 'Over the past thirty years the sea level has risen by 10 cm.' },
  { kind: 'paraphrase', target: 'D3', text: 'The government intends to shut every coal plant by 2030.' },
  { kind: 'paraphrase', target: 'D3', text: 'All coal power plants will be closed by 2030, the government plans.' },
  { kind: 'paraphrase', target: 'D4', text: 'This summer wildfires burned 4,000 square kilometers of California.' },
  { kind: 'paraphrase', target: 'D5', text: 'Electric vehicles accounted for 20% of new car sales in France.' },
  { kind: 'paraphrase', target: 'D6', text: 'In winter the river has never flooded.' },

  // Near-misses: the same words, a different claim.
  {
    kind: 'near-miss',
    changed: 'number',
    target: 'A1',
    text: 'Border Patrol agents arrested more than 2,200 Chinese nationals at the southern border in 2023.',
  },
  {
    kind: 'near-miss',
    changed: 'year',
    target: 'A1',
    text: 'Border Patrol agents arrested more than 22,000 Chinese nationals at the southern border in 2021.',
  },
  {
    kind: 'near-miss',
    changed: 'subject',
    target: 'A1',
    text: 'Border Patrol agents arrested more than 22,000 Mexican nationals at the southern border in 2023.',
  },
  {
    kind: 'near-miss',
    changed: 'negation',
    target: 'A1',
    text: 'Border Patrol agents did not arrest 22,000 Chinese nationals at the southern border in 2023.',
  },
  {
    kind: 'near-miss',
    changed: 'subject',
    target: 'A2',
    text: 'Their trip usually starts with a flight to Panama, a country that allows visa-free travel from the PRC.',
  },
  { kind: 'near-miss', changed: 'number', target: 'A3', text: 'Migrants pay smugglers up to $1,000 to cross the Darién Gap.' },
  { kind: 'near-miss', changed: 'year', target: 'A4', text: 'The number of Chinese migrants crossing the border rose tenfold between 2021 and 2022.' },
  { kind: 'near-miss', changed: 'direction', target: 'A4', text: 'The number of Chinese migrants crossing the border fell tenfold between 2022 and 2023.' },
  { kind: 'near-miss', changed: 'subject', target: 'A5', text: 'Most Indian migrants apply for asylum after crossing.' },
  { kind: 'near-miss', changed: 'number', target: 'B1', text: 'Unemployment fell to 7.3 percent in November.' },
  { kind: 'near-miss', changed: 'direction', target: 'B1', text: 'Unemployment rose to 3.7 percent in November.' },
  { kind: 'near-miss', changed: 'number', target: 'B2', text: "The city's budget deficit reached $40 billion last year." },
  { kind: 'near-miss', changed: 'negation', target: 'B3', text: 'Inflation has exceeded 5 percent since 2021.' },
  { kind: 'near-miss', changed: 'year', target: 'B3', text: 'Inflation has not exceeded 5 percent since 2019.' },
  { kind: 'near-miss', changed: 'number', target: 'B4', text: 'Rents in the capital rose 21 percent in 2022.' },
  { kind: 'near-miss', changed: 'year', target: 'B4', text: 'Rents in the capital rose 12 percent in 2012.' },
  { kind: 'near-miss', changed: 'number', target: 'B5', text: 'The minimum wage will increase to $12 an hour in 2025.' },
  { kind: 'near-miss', changed: 'number', target: 'C1', text: 'The vaccine was tested on 4,000 volunteers before approval.' },
  { kind: 'near-miss', changed: 'year', target: 'C2', text: 'Measles cases doubled in Europe in 2013.' },
  { kind: 'near-miss', changed: 'subject', target: 'C2', text: 'Measles cases doubled in Africa in 2023.' },
  { kind: 'near-miss', changed: 'number', target: 'C3', text: 'Hospitals in the region have 120 intensive care beds.' },
  { kind: 'near-miss', changed: 'direction', target: 'C4', text: 'Life expectancy in the country rose to 76 years.' },
  { kind: 'near-miss', changed: 'number', target: 'C5', text: 'One in three children is overweight.' },
  { kind: 'near-miss', changed: 'negation', target: 'C6', text: 'The new drug causes heart problems.' },
  { kind: 'near-miss', changed: 'subject', target: 'D1', text: "Solar power produced 12% of France's electricity in 2023." },
  { kind: 'near-miss', changed: 'number', target: 'D1', text: "Solar power produced 21% of Germany's electricity in 2023." },
  { kind: 'near-miss', changed: 'year', target: 'D3', text: 'The government plans to close all coal plants by 2040.' },
  { kind: 'near-miss', changed: 'negation', target: 'D3', text: 'The government does not plan to close all coal plants by 2030.' },
  { kind: 'near-miss', changed: 'number', target: 'D4', text: 'Wildfires burned 40,000 square kilometres in California this summer.' },
  { kind: 'near-miss', changed: 'subject', target: 'D4', text: 'Wildfires burned 4,000 square kilometres in Arizona this summer.' },
  { kind: 'near-miss', changed: 'number', target: 'D5', text: 'Electric cars made up 2 percent of new car sales in France.' },
  { kind: 'near-miss', changed: 'negation', target: 'D6', text: 'The river has flooded every winter.' },
];
