import { el, VERDICTS } from './dom';

export interface SourceValue {
  url: string;
  title?: string | null;
  stance: string;
  quote?: string | null;
}

export interface CheckValue {
  verdict: string;
  confidence: string;
  rationale: string;
  sources: SourceValue[];
}

const MAX_SOURCES = 20;
const STANCES = ['supports', 'refutes', 'context'];
let formCount = 0;

function sourceRow(index: number, value: Partial<SourceValue>, onRemove: (row: HTMLElement) => void): HTMLElement {
  const id = (name: string) => `panel-source-${name}-${formCount}-${index}`;
  const stance = el(
    'select',
    { id: id('stance'), name: 'stance' },
    ...STANCES.map((s) => el('option', { value: s, selected: (value.stance ?? 'supports') === s }, s)),
  );
  const remove = el('button', { type: 'button', class: 'link-button danger remove-source', 'aria-label': `Remove source ${index + 1}` }, 'Remove');
  const row = el(
    'div',
    { class: 'source-row panel-source' },
    el('label', { for: id('url') }, `Address ${index + 1}`),
    el('input', { id: id('url'), name: 'url', type: 'url', maxlength: 2048, placeholder: 'https://', value: value.url ?? '' }),
    el('label', { for: id('title') }, 'Title'),
    el('input', { id: id('title'), name: 'title', maxlength: 300, value: value.title ?? '' }),
    el('label', { for: id('stance') }, 'Stance'),
    stance,
    el('label', { for: id('quote') }, 'Excerpt'),
    el('input', { id: id('quote'), name: 'quote', maxlength: 1000, value: value.quote ?? '' }),
    remove,
  );
  remove.addEventListener('click', () => onRemove(row));
  return row;
}

/** The check form: verdict, confidence, rationale, and source rows that can be added and removed. */
export function checkForm(initial: Partial<CheckValue>, submitLabel: string, onSubmit: (value: CheckValue) => void): HTMLFormElement {
  formCount += 1;
  const sources = el('div', { class: 'panel-sources' });
  const addButton = el('button', { type: 'button', class: 'small add-source' }, 'Add a source');
  const renumber = () => {
    [...sources.children].forEach((row, i) => {
      row.querySelector('label')!.textContent = `Address ${i + 1}`;
      row.querySelector('.remove-source')!.setAttribute('aria-label', `Remove source ${i + 1}`);
    });
    addButton.disabled = sources.children.length >= MAX_SOURCES;
  };
  const remove = (row: HTMLElement) => {
    if (sources.children.length > 1) row.remove();
    else row.querySelectorAll('input').forEach((input) => (input.value = ''));
    renumber();
    (sources.querySelector('input') as HTMLInputElement | null)?.focus();
  };
  const add = (value: Partial<SourceValue> = {}) => {
    const row = sourceRow(sources.children.length, value, remove);
    sources.append(row);
    renumber();
    return row;
  };
  for (const source of initial.sources?.length ? initial.sources : [{}]) add(source);
  addButton.addEventListener('click', () => add().querySelector('input')?.focus());

  const verdicts = el(
    'fieldset',
    { class: 'verdict-choices' },
    el('legend', {}, 'Verdict'),
    ...VERDICTS.map(([value, label]) =>
      el(
        'label',
        { class: 'verdict-choice' },
        el('input', { type: 'radio', name: 'verdict', value, required: true, checked: initial.verdict === value }),
        ' ',
        el('span', { class: `verdict-badge verdict-${value}` }, label),
      ),
    ),
  );
  const confidence = el(
    'select',
    { id: `panel-confidence-${formCount}`, name: 'confidence' },
    ...['low', 'medium', 'high'].map((c) => el('option', { value: c, selected: (initial.confidence ?? 'medium') === c }, c)),
  );
  const rationale = el('textarea', { id: `panel-rationale-${formCount}`, name: 'rationale', rows: 5, required: true, maxlength: 10000 });
  rationale.value = initial.rationale ?? '';

  const form = el(
    'form',
    { class: 'stack-form panel-form', novalidate: true },
    verdicts,
    el('label', { for: confidence.id }, 'Confidence'),
    confidence,
    el('label', { for: rationale.id }, 'Rationale (Markdown allowed)'),
    rationale,
    el('fieldset', { class: 'source-rows' }, el('legend', {}, 'Sources (1 to 20)'), sources, addButton),
    el('button', { type: 'submit' }, submitLabel),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const verdict = (form.querySelector('input[name="verdict"]:checked') as HTMLInputElement | null)?.value ?? '';
    const rows = [...sources.children].map((row) => {
      const value = (name: string) => (row.querySelector(`[name="${name}"]`) as HTMLInputElement).value.trim();
      return { url: value('url'), title: value('title') || null, stance: value('stance'), quote: value('quote') || null };
    });
    onSubmit({ verdict, confidence: confidence.value, rationale: rationale.value, sources: rows.filter((row) => row.url !== '') });
  });
  return form;
}
