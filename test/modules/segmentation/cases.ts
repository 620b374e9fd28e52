/**
 * Sentence-boundary cases assembled for Factline. Each case is a text and the sentences it must
 * split into. The categories follow the phenomena that trip segmenters up in news copy
 * (abbreviations, initials, numbers, quotes, brackets, ellipses, lists, headings, odd spacing)
 * and the categories of the "Golden Rules" used to compare pragmatic_segmenter and pySBD;
 * the sentences themselves are written for this project, several taken from the seed article.
 */
export interface SegmentationCase {
  category: string;
  text: string;
  expected: string[];
}

export const SEGMENTATION_CASES: SegmentationCase[] = [
  // Plain terminators
  { category: 'period', text: 'The vote is on Tuesday. Polls open at seven.', expected: ['The vote is on Tuesday.', 'Polls open at seven.'] },
  { category: 'question', text: 'Who paid for the trip? Nobody would say.', expected: ['Who paid for the trip?', 'Nobody would say.'] },
  { category: 'exclamation', text: 'It was a landslide! The count took all night.', expected: ['It was a landslide!', 'The count took all night.'] },
  { category: 'double punctuation', text: 'Really?! The mayor resigned.', expected: ['Really?!', 'The mayor resigned.'] },
  { category: 'double punctuation', text: 'Stop!! Nobody moves.', expected: ['Stop!!', 'Nobody moves.'] },
  { category: 'double punctuation', text: 'Hello?? Is anyone there?', expected: ['Hello??', 'Is anyone there?'] },
  { category: 'no final punctuation', text: 'Hidden dangers', expected: ['Hidden dangers'] },
  {
    category: 'no final punctuation',
    text: 'Officials confirmed the figure. A spokesman declined to comment further',
    expected: ['Officials confirmed the figure.', 'A spokesman declined to comment further'],
  },

  // Abbreviations
  {
    category: 'multi-period abbreviation, name follows',
    text: 'Over 22,000 were arrested by U.S. Customs and Border Patrol officials this year.',
    expected: ['Over 22,000 were arrested by U.S. Customs and Border Patrol officials this year.'],
  },
  {
    category: 'multi-period abbreviation at end',
    text: 'She moved to the U.S. How she got there is unclear.',
    expected: ['She moved to the U.S.', 'How she got there is unclear.'],
  },
  { category: 'multi-period abbreviation, lower case follows', text: 'He left the U.K. last spring.', expected: ['He left the U.K. last spring.'] },
  { category: 'multi-period abbreviation, number follows', text: 'The U.S. 2024 budget was larger.', expected: ['The U.S. 2024 budget was larger.'] },
  {
    category: 'multi-period abbreviation at end',
    text: 'Trade rules differ in the E.U. They are stricter there.',
    expected: ['Trade rules differ in the E.U.', 'They are stricter there.'],
  },
  { category: 'title before a name', text: 'Mr. Green called a press conference.', expected: ['Mr. Green called a press conference.'] },
  {
    category: 'title before a name',
    text: 'Dr. Alvarez and Mrs. Chen testified. Prof. Okafor did not.',
    expected: ['Dr. Alvarez and Mrs. Chen testified.', 'Prof. Okafor did not.'],
  },
  { category: 'title before a name', text: 'Sen. Warren questioned Gen. Milley for an hour.', expected: ['Sen. Warren questioned Gen. Milley for an hour.'] },
  {
    category: 'prepositive and postpositive',
    text: 'St. Anne’s clinic is on 5th st. near the market.',
    expected: ['St. Anne’s clinic is on 5th st. near the market.'],
  },
  { category: 'place abbreviation', text: 'Climbers left for Mt. Everest on Friday.', expected: ['Climbers left for Mt. Everest on Friday.'] },
  {
    category: 'company abbreviation mid-sentence',
    text: 'The contract went to Harlow & Co. in March.',
    expected: ['The contract went to Harlow & Co. in March.'],
  },
  {
    category: 'company abbreviation at end',
    text: 'The contract went to Harlow & Co. It was signed in March.',
    expected: ['The contract went to Harlow & Co.', 'It was signed in March.'],
  },
  {
    category: 'company abbreviation at end',
    text: 'Shares fell at Vantage Inc. The board met on Monday.',
    expected: ['Shares fell at Vantage Inc.', 'The board met on Monday.'],
  },
  { category: 'lower-case abbreviation at end', text: 'Ask the mayor and co. They will know.', expected: ['Ask the mayor and co.', 'They will know.'] },
  { category: 'etc.', text: 'They seized phones, laptops, etc. from the office.', expected: ['They seized phones, laptops, etc. from the office.'] },
  {
    category: 'etc. at end',
    text: 'They seized phones, laptops, etc. None were returned.',
    expected: ['They seized phones, laptops, etc.', 'None were returned.'],
  },
  {
    category: 'months',
    text: 'The law took effect on Jan. 1 and was amended in Feb. 2024.',
    expected: ['The law took effect on Jan. 1 and was amended in Feb. 2024.'],
  },
  { category: 'weekday vs verb', text: 'He sat. Maria stood by the door.', expected: ['He sat.', 'Maria stood by the door.'] },
  {
    category: 'e.g. and i.e.',
    text: 'Some states, e.g. Texas, sued. Others, i.e. the rest, waited.',
    expected: ['Some states, e.g. Texas, sued.', 'Others, i.e. the rest, waited.'],
  },
  { category: 'possessive abbreviation', text: 'That is Martin Luther King Jr.’s speech.', expected: ['That is Martin Luther King Jr.’s speech.'] },
  { category: 'possessive abbreviation', text: "It was JFK Jr.'s plane.", expected: ["It was JFK Jr.'s plane."] },
  { category: 'Ph.D.', text: 'She earned a Ph.D. in economics from Yale.', expected: ['She earned a Ph.D. in economics from Yale.'] },
  {
    category: 'number abbreviation',
    text: 'See No. 5 on the list. Then see p. 55 for details.',
    expected: ['See No. 5 on the list.', 'Then see p. 55 for details.'],
  },
  { category: 'no as a word', text: 'The minister said no. Parliament voted anyway.', expected: ['The minister said no.', 'Parliament voted anyway.'] },
  { category: 'vs.', text: 'The case is Smith vs. Jones and it is pending.', expected: ['The case is Smith vs. Jones and it is pending.'] },

  // Initials and times
  { category: 'initial', text: 'The report was written by Jonas E. Smith.', expected: ['The report was written by Jonas E. Smith.'] },
  { category: 'initials', text: 'J. K. Rowling and J.R.R. Tolkien were cited.', expected: ['J. K. Rowling and J.R.R. Tolkien were cited.'] },
  {
    category: 'I as initial and as pronoun',
    text: 'We make a good team, you and I. Did you see Albert I. Jones yesterday?',
    expected: ['We make a good team, you and I.', 'Did you see Albert I. Jones yesterday?'],
  },
  {
    category: 'a.m. and p.m.',
    text: 'At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.',
    expected: ['At 5 a.m. Mr. Smith went to the bank.', 'He left the bank at 6 P.M.', 'Mr. Smith then went to the store.'],
  },
  { category: 'a.m. mid-sentence', text: 'The polls closed at 8 p.m. on Tuesday.', expected: ['The polls closed at 8 p.m. on Tuesday.'] },
  {
    category: 'a.m. at end',
    text: 'The polls closed at 8 p.m. The count began at once.',
    expected: ['The polls closed at 8 p.m.', 'The count began at once.'],
  },

  // Numbers
  { category: 'decimal', text: 'Inflation rose 3.5 percent in May.', expected: ['Inflation rose 3.5 percent in May.'] },
  {
    category: 'money',
    text: 'Migrants spend around $5,000 to $7,000 for self-guided trips.',
    expected: ['Migrants spend around $5,000 to $7,000 for self-guided trips.'],
  },
  { category: 'money at end', text: 'She has $100.00. It is in her bag.', expected: ['She has $100.00.', 'It is in her bag.'] },
  { category: 'money mid-sentence', text: 'She has $100.00 in her bag.', expected: ['She has $100.00 in her bag.'] },
  {
    category: 'hyphenated number',
    text: 'That’s a 1300-percent increase from 2022. Few expected it.',
    expected: ['That’s a 1300-percent increase from 2022.', 'Few expected it.'],
  },
  {
    category: 'sentence starts with a digit',
    text: 'Chinese nationals wait for border officers. 2023 has seen a massive increase.',
    expected: ['Chinese nationals wait for border officers.', '2023 has seen a massive increase.'],
  },
  {
    category: 'number ends sentence',
    text: 'The turnout was 61 percent in 2020. In 2016 it was 55.',
    expected: ['The turnout was 61 percent in 2020.', 'In 2016 it was 55.'],
  },
  {
    category: 'dotted number',
    text: 'You can find it at N°. 1026.253.553. That is where the archive is.',
    expected: ['You can find it at N°. 1026.253.553.', 'That is where the archive is.'],
  },
  { category: 'time with colon', text: 'The vote ended at 10:30. Results came at 11.', expected: ['The vote ended at 10:30.', 'Results came at 11.'] },

  // Quotes and brackets
  {
    category: 'end inside double quotes',
    text: 'She turned to him, "This is great." She held the book out.',
    expected: ['She turned to him, "This is great."', 'She held the book out.'],
  },
  { category: 'quote continues sentence', text: 'She turned to him, "This is great." she said.', expected: ['She turned to him, "This is great." she said.'] },
  {
    category: 'single quotes continue sentence',
    text: "She turned to him, 'This is great.' she said.",
    expected: ["She turned to him, 'This is great.' she said."],
  },
  {
    category: 'curly quotes',
    text: '“China capitalizes on that strategy.” Humire said so on air.',
    expected: ['“China capitalizes on that strategy.”', 'Humire said so on air.'],
  },
  {
    category: 'question inside quotes',
    text: '“Who approved this?” the senator asked. Nobody answered.',
    expected: ['“Who approved this?” the senator asked.', 'Nobody answered.'],
  },
  {
    category: 'sentence starts with a quote',
    text: 'The article notes it. “The idea of leaving really took off,” it says.',
    expected: ['The article notes it.', '“The idea of leaving really took off,” it says.'],
  },
  {
    category: 'parenthetical sentence inside',
    text: 'He teaches science (He previously worked for 5 years as an engineer.) at the local university.',
    expected: ['He teaches science (He previously worked for 5 years as an engineer.) at the local university.'],
  },
  {
    category: 'end inside brackets',
    text: 'The figure was revised. (The agency did not say why.) A new count is due.',
    expected: ['The figure was revised.', '(The agency did not say why.)', 'A new count is due.'],
  },
  {
    category: 'abbreviation in brackets',
    text: 'More than 4,000 citizens of the People’s Republic of China (PRC) were arrested in September alone.',
    expected: ['More than 4,000 citizens of the People’s Republic of China (PRC) were arrested in September alone.'],
  },
  {
    category: 'exclamation in a name',
    text: 'She works at Yahoo! in the accounting department.',
    expected: ['She works at Yahoo! in the accounting department.'],
  },

  // E-mail and web addresses
  {
    category: 'e-mail address',
    text: 'Her email is Jane.Doe@example.com. I sent her an email.',
    expected: ['Her email is Jane.Doe@example.com.', 'I sent her an email.'],
  },
  {
    category: 'web address',
    text: 'The site is: https://www.example.org/new-site/awesome_content.html. Please check it out.',
    expected: ['The site is: https://www.example.org/new-site/awesome_content.html.', 'Please check it out.'],
  },
  {
    category: 'domain name',
    text: 'Visit factcheck.org for more. Corrections are listed there.',
    expected: ['Visit factcheck.org for more.', 'Corrections are listed there.'],
  },

  // Ellipses
  { category: 'ellipsis at end', text: 'I never meant that.... She left the store.', expected: ['I never meant that....', 'She left the store.'] },
  {
    category: 'ellipsis inside',
    text: 'I wasn’t really ... well, what I mean...see . . . what I’m saying, the thing is . . . I didn’t mean it.',
    expected: ['I wasn’t really ... well, what I mean...see . . . what I’m saying, the thing is . . . I didn’t mean it.'],
  },
  {
    category: 'spaced four-dot ellipsis',
    text: 'One habit was somewhat weakened . . . was that of combining words into clauses. . . . Another was the use of dashes.',
    expected: ['One habit was somewhat weakened . . . was that of combining words into clauses. . . .', 'Another was the use of dashes.'],
  },
  {
    category: 'ellipsis in brackets',
    text: '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
    expected: ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
  },
  {
    category: 'ellipsis character',
    text: 'The numbers kept rising… Then the border closed.',
    expected: ['The numbers kept rising…', 'Then the border closed.'],
  },
  {
    category: 'ellipsis at end of quotation',
    text: 'Thoreau argues that, “the laws of the universe will appear less complex. . . .”',
    expected: ['Thoreau argues that, “the laws of the universe will appear less complex. . . .”'],
  },

  // Lists
  { category: 'numbered list with parens', text: '1) The first item 2) The second item', expected: ['1) The first item', '2) The second item'] },
  {
    category: 'numbered list with parens and periods',
    text: '1) The first item. 2) The second item.',
    expected: ['1) The first item.', '2) The second item.'],
  },
  { category: 'numbered list with period-paren', text: '1.) The first item 2.) The second item', expected: ['1.) The first item', '2.) The second item'] },
  { category: 'numbered list with periods', text: '1. The first item 2. The second item', expected: ['1. The first item', '2. The second item'] },
  { category: 'numbered list ending in periods', text: '1. The first item. 2. The second item.', expected: ['1. The first item.', '2. The second item.'] },
  { category: 'bulleted list', text: '• 9. The first item • 10. The second item', expected: ['• 9. The first item', '• 10. The second item'] },
  { category: 'hyphen-bullet list', text: '⁃9. The first item ⁃10. The second item', expected: ['⁃9. The first item', '⁃10. The second item'] },
  {
    category: 'alphabetical list',
    text: 'a. The first item b. The second item c. The third list item',
    expected: ['a. The first item', 'b. The second item', 'c. The third list item'],
  },
  {
    category: 'list after a colon',
    text: 'The report names three causes: 1) the economy 2) repression 3) the lockdowns',
    expected: ['The report names three causes:', '1) the economy', '2) repression', '3) the lockdowns'],
  },
  { category: 'a lone number is no list', text: 'He finished 5. Nobody expected that.', expected: ['He finished 5.', 'Nobody expected that.'] },

  // Spacing
  { category: 'non-breaking space', text: 'The count rose.\u00a0Officials were surprised.', expected: ['The count rose.', 'Officials were surprised.'] },
  { category: 'non-breaking space after abbreviation', text: 'He met Mr.\u00a0Humire in Washington.', expected: ['He met Mr.\u00a0Humire in Washington.'] },
  { category: 'line breaks', text: 'The first line ends here.\nThe second line follows.', expected: ['The first line ends here.', 'The second line follows.'] },
  {
    category: 'no space between sentences',
    text: 'Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.',
    expected: ['Hello world.', 'Today is Tuesday.', 'Mr. Smith went to the store and bought 1,000.', 'That is a lot.'],
  },
  { category: 'extra spaces', text: 'Too many spaces.   Still two sentences.  ', expected: ['Too many spaces.', 'Still two sentences.'] },

  // From the seed article
  {
    category: 'seed: long quotation',
    text: '“To undertake this journey, Chinese migrants reportedly spend around $5,000 to $7,000 for self-guided trips, while others pay smugglers fees of up to $35,000, or three times what migrants from Central or South America typically pay. The ability to afford such high fees suggests that while some migrants come from working-class backgrounds, many are from the middle class.”',
    expected: [
      '“To undertake this journey, Chinese migrants reportedly spend around $5,000 to $7,000 for self-guided trips, while others pay smugglers fees of up to $35,000, or three times what migrants from Central or South America typically pay.',
      'The ability to afford such high fees suggests that while some migrants come from working-class backgrounds, many are from the middle class.”',
    ],
  },
  {
    category: 'seed: U.S. repeatedly',
    text: 'Millions of people cross America’s southern border illegally every year. The U.S. is home to roughly 5 million people of Chinese descent, and has accepted 66,000 refugees from the PRC.',
    expected: [
      'Millions of people cross America’s southern border illegally every year.',
      'The U.S. is home to roughly 5 million people of Chinese descent, and has accepted 66,000 refugees from the PRC.',
    ],
  },
  {
    category: 'seed: party abbreviation in brackets',
    text: 'In June, Congressman Mark Green (R-TN), chair of the House Homeland Security Committee, called attention to the risks. He spoke on June 14.',
    expected: [
      'In June, Congressman Mark Green (R-TN), chair of the House Homeland Security Committee, called attention to the risks.',
      'He spoke on June 14.',
    ],
  },
  {
    category: 'seed: quoted coinage',
    text: 'It is written using the Chinese character 潤, which has the meaning of “moist” or ‘“glossy,” but was chosen because its phonetic Romanization, “rùn,” resembles the English word. Chinese interested in “run”ning away research means of leaving the PRC.',
    expected: [
      'It is written using the Chinese character 潤, which has the meaning of “moist” or ‘“glossy,” but was chosen because its phonetic Romanization, “rùn,” resembles the English word.',
      'Chinese interested in “run”ning away research means of leaving the PRC.',
    ],
  },

  // Held-out cases: written after the segmenter was tuned, added whatever the result
  {
    category: 'held-out: agency dateline',
    text: 'WASHINGTON (AP) — The Senate passed the bill 52-48. Democrats objected.',
    expected: ['WASHINGTON (AP) — The Senate passed the bill 52-48.', 'Democrats objected.'],
  },
  {
    category: 'held-out: percent and decimal at end',
    text: 'Unemployment fell to 3.9%. Wages rose 4.1 percent.',
    expected: ['Unemployment fell to 3.9%.', 'Wages rose 4.1 percent.'],
  },
  {
    category: 'held-out: quote ending in question',
    text: '“Where is the money?” she asked. “Nobody knows.”',
    expected: ['“Where is the money?” she asked.', '“Nobody knows.”'],
  },
  {
    category: 'held-out: Gov. and state abbreviation',
    text: 'Gov. Abbott of Texas spoke in Austin. He did not take questions.',
    expected: ['Gov. Abbott of Texas spoke in Austin.', 'He did not take questions.'],
  },
  {
    category: 'held-out: Rep. with party',
    text: 'Rep. Jane Doe (D-Calif.) voted no. Her office declined to comment.',
    expected: ['Rep. Jane Doe (D-Calif.) voted no.', 'Her office declined to comment.'],
  },
  {
    category: 'held-out: em dash aside',
    text: 'The figure — roughly 5 million — comes from the census. It is disputed.',
    expected: ['The figure — roughly 5 million — comes from the census.', 'It is disputed.'],
  },
  {
    category: 'held-out: year ends sentence',
    text: 'The policy began in 2020. It ended in late 2022.',
    expected: ['The policy began in 2020.', 'It ended in late 2022.'],
  },
  {
    category: 'held-out: acronym without periods',
    text: 'The CCP denied it. The PLA did not respond.',
    expected: ['The CCP denied it.', 'The PLA did not respond.'],
  },
  { category: 'held-out: St. Louis', text: 'She grew up in St. Louis and moved to Chicago.', expected: ['She grew up in St. Louis and moved to Chicago.'] },
  { category: 'held-out: Inc. mid-sentence', text: 'Acme Inc. said profits doubled.', expected: ['Acme Inc. said profits doubled.'] },
  {
    category: 'held-out: a.m. with day',
    text: 'Voting starts at 7 a.m. Tuesday and ends at 8 p.m.',
    expected: ['Voting starts at 7 a.m. Tuesday and ends at 8 p.m.'],
  },
  {
    category: 'held-out: exclamation in quote, lower-case attribution',
    text: '“Enough!” he shouted. The room fell silent.',
    expected: ['“Enough!” he shouted.', 'The room fell silent.'],
  },
  {
    category: 'held-out: abbreviation before quote',
    text: 'He works for the U.N. “It is hard,” he said.',
    expected: ['He works for the U.N.', '“It is hard,” he said.'],
  },
  { category: 'held-out: single-word sentences', text: 'Yes. No. Maybe.', expected: ['Yes.', 'No.', 'Maybe.'] },
  {
    category: 'held-out: version number',
    text: 'The app reached version 2.0 in May. Users complained.',
    expected: ['The app reached version 2.0 in May.', 'Users complained.'],
  },
  {
    category: 'held-out: Jr. at end',
    text: 'The award went to Martin Luther King Jr. He accepted it in Oslo.',
    expected: ['The award went to Martin Luther King Jr.', 'He accepted it in Oslo.'],
  },
];
