// The playground's controls, generated from the manifest: one per attribute and per custom property.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AttributeControl, CssPropertyControl } from './manifest.js';

/** A control's value: `''` (or `false`) leaves the attribute or property at its default. */
export type ControlValue = string | boolean;

/** Called with the new value of a control. */
export type OnChange = (value: ControlValue) => void;

/** Extra words under some controls, where the preview uses the value differently. */
export interface ControlNote {
  readonly note?: string;
  readonly placeholder?: string;
}

const LENGTH_UNITS = ['rem', 'em', 'px', '%'];
const TIME_UNITS = ['ms', 's'];

/** Backticked words of a description as `<code>`. */
function describe(text: string): TemplateResult {
  const pieces = text.split(/`([^`]*)`/);
  return html`${pieces.map((piece, i) => (i % 2 ? html`<code>${piece}</code>` : piece))}`;
}

/** A number field whose hint is `${id}-hint`; `onInput` gets the typed text. */
function numberInput(
  id: string,
  value: string,
  placeholder: string | number | undefined,
  onInput: (text: string) => void,
  range: { readonly min?: number; readonly max?: number } = {},
): TemplateResult {
  return html`<input
    type="number"
    id=${id}
    inputmode="decimal"
    step="any"
    min=${range.min ?? nothing}
    max=${range.max ?? nothing}
    placeholder=${placeholder ?? nothing}
    .value=${live(value)}
    aria-describedby="${id}-hint"
    @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
  />`;
}

/** One attribute's control; `id` is unique on the page. */
export function attributeControl(
  id: string,
  control: AttributeControl,
  value: ControlValue,
  onChange: OnChange,
  extra: ControlNote = {},
): TemplateResult {
  const hint = html`<p class="hint" id="${id}-hint">
    ${describe(control.description)}${extra.note ? html` <strong>${extra.note}</strong>` : nothing}
  </p>`;
  if (control.kind === 'boolean') {
    return html`<div class="control control-boolean">
      <input
        type="checkbox"
        id=${id}
        .checked=${live(value === true)}
        aria-describedby="${id}-hint"
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <label for=${id}><code>${control.name}</code></label>
      ${hint}
    </div>`;
  }
  const text = typeof value === 'string' ? value : '';
  const label = html`<label for=${id}><code>${control.name}</code></label>`;
  if (control.kind === 'enum') {
    const current = text || control.defaultValue;
    return html`<div class="control">
      ${label}
      <select
        id=${id}
        .value=${live(current)}
        aria-describedby="${id}-hint"
        @change=${(event: Event) => {
          const chosen = (event.target as HTMLSelectElement).value;
          onChange(chosen === control.defaultValue ? '' : chosen);
        }}
      >
        ${control.options.map(
          (option) =>
            html`<option value=${option} ?selected=${option === current}>
              ${option}${option === control.defaultValue ? ' (default)' : ''}
            </option>`,
        )}
      </select>
      ${hint}
    </div>`;
  }
  if (control.kind === 'number') {
    return html`<div class="control">
      ${label}
      <span class="with-unit">
        ${numberInput(id, text, control.defaultValue, onChange, control)}
        ${control.unit ? html`<span class="unit" aria-hidden="true">${control.unit}</span>` : nothing}
      </span>
      ${hint}
    </div>`;
  }
  return html`<div class="control">
    ${label}
    <input
      type="text"
      id=${id}
      spellcheck="false"
      autocomplete="off"
      placeholder=${extra.placeholder ?? control.defaultValue ?? nothing}
      .value=${live(text)}
      aria-describedby="${id}-hint"
      @input=${(event: Event) => onChange((event.target as HTMLInputElement).value)}
    />
    ${hint}
  </div>`;
}

/** `#rrggbb` of a computed `rgb()` or `rgba()` colour; `undefined` for any other, or one that is see-through. */
function hex(computed: string): string | undefined {
  if (!/^rgba?\(/.test(computed)) return undefined;
  const [r, g, b, alpha] = computed.match(/[\d.]+/g)!.map(Number);
  if (b === undefined || alpha === 0) return undefined;
  return `#${[r, g, b].map((n) => Math.round(n!).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colour a CSS value stands for inside `element`, as the colour picker's `#rrggbb`:
 * `currentColor` is the element's text colour, `light-dark()` follows its colour scheme. A
 * see-through value (`transparent`) stands for what shows through it: the nearest background.
 */
export function colourIn(element: Element, value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  // In the shadow root the probe inherits the element's colour and scheme, and its content stays.
  (element.shadowRoot ?? element.parentNode ?? document.body).appendChild(probe);
  const colour = hex(getComputedStyle(probe).color);
  probe.remove();
  if (colour) return colour;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const background = hex(getComputedStyle(node).backgroundColor);
    if (background) return background;
  }
  return '#ffffff';
}

/** One custom property's control: a colour picker, a number with a unit, or free CSS. */
export function cssControl(
  id: string,
  property: CssPropertyControl,
  value: string,
  /** The colour a value stands for in the preview (see {@link colourIn}). */
  colourOf: (value: string) => string,
  onChange: (value: string) => void,
): TemplateResult {
  const hint = html`<p class="hint" id="${id}-hint">
    ${describe(property.description)} Default <code>${property.defaultValue}</code>.
  </p>`;
  const label = html`<label for=${id}><code>${property.name}</code></label>`;
  const text = html`<input
    type="text"
    id=${id}
    class="css-value"
    spellcheck="false"
    autocomplete="off"
    placeholder=${property.defaultValue}
    .value=${live(value)}
    aria-describedby="${id}-hint"
    @input=${(event: Event) => onChange((event.target as HTMLInputElement).value)}
  />`;
  if (property.kind === 'color') {
    return html`<div class="control">
      ${label}
      <span class="with-picker">
        <input
          type="color"
          id="${id}-picker"
          aria-label="${property.name}: pick a colour"
          .value=${live(colourOf(value || property.defaultValue))}
          @input=${(event: Event) => onChange((event.target as HTMLInputElement).value)}
        />
        ${text}
      </span>
      ${hint}
    </div>`;
  }
  if (property.kind === 'length') {
    const match = /^(-?[\d.]*)([a-z%]*)$/.exec(value.trim());
    const fallback = /^(-?[\d.]*)([a-z%]*)$/.exec(property.defaultValue)!;
    const isTime = /m?s$/.test(property.defaultValue);
    const units = isTime ? TIME_UNITS : LENGTH_UNITS;
    const number = match ? match[1]! : '';
    const unit = (match && match[2]) || fallback[2] || units[0]!;
    const emit = (n: string, u: string): void =>
      onChange(n === '' ? '' : `${n}${n === '0' && !isTime ? '' : u}`);
    return html`<div class="control">
      ${label}
      <span class="with-unit">
        ${numberInput(id, number, fallback[1] || property.defaultValue, (n) => emit(n, unit))}
        <select
          aria-label="${property.name}: unit"
          .value=${live(unit)}
          @change=${(event: Event) => emit(number, (event.target as HTMLSelectElement).value)}
        >
          ${units.map((u) => html`<option value=${u} ?selected=${u === unit}>${u}</option>`)}
        </select>
      </span>
      ${hint}
    </div>`;
  }
  return html`<div class="control">${label} ${text} ${hint}</div>`;
}

/** One choice of a {@link radioGroup}. */
export interface RadioChoice<Id extends string> {
  readonly id: Id;
  readonly label: string;
  /** A line under the label, which also describes its radio button. */
  readonly description?: string;
}

/** A fieldset of radio buttons named `name` (ids `${name}-${choice.id}`), with `current` checked. */
export function radioGroup<Id extends string>(
  name: string,
  legend: string,
  choices: readonly RadioChoice<Id>[],
  current: Id,
  onChoose: (id: Id) => void,
): TemplateResult {
  return html`<fieldset class="${name}s">
    <legend>${legend}</legend>
    ${choices.map((choice) => {
      const id = `${name}-${choice.id}`;
      const hint = choice.description ? `${id}-hint` : undefined;
      return html`<label class=${name} for=${id}>
        <input
          type="radio"
          name=${name}
          id=${id}
          .checked=${choice.id === current}
          aria-describedby=${hint ?? nothing}
          @change=${() => onChoose(choice.id)}
        />
        <span class="${name}-name">${choice.label}</span>
        ${hint ? html`<span class="hint" id=${hint}>${choice.description}</span>` : nothing}
      </label>`;
    })}
  </fieldset>`;
}
