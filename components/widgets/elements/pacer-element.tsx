/**
 * What every Pacer custom element shares: an open shadow root with the shared stylesheets, finding and
 * validating its snapshot, and rendering either its Preact component or a clear message in the box the
 * author reserved for it (never an empty box with the reason only in the console).
 */
import { type ComponentChild, render } from 'preact';
import type { GoalView, Snapshot } from '../../../lib/app/goal-view';
import type { Locale } from '../../../lib/schema/common';
import {
  pickWidgetLocale,
  type WidgetMessageKey,
  widgetMessage,
} from '../../../lib/snapshot/widget-messages';
import { inlineSnapshot, type Loaded, srcSnapshot } from './snapshot-source';
import { adoptStyles } from './styles';

/** A widget that cannot show its content says why, with a message key from lib/snapshot/widget-messages. */
export interface Problem {
  problem: WidgetMessageKey;
  params?: Record<string, string>;
}

export interface RenderContext {
  snapshot: Snapshot;
  /** Language of the widget's own labels (`locale` attribute, else the snapshot's). */
  locale: Locale;
  msg: (key: WidgetMessageKey, params?: Record<string, string>) => string;
}

export type WidgetState = 'loading' | 'ready' | 'error';

export const BASE_ATTRIBUTES = ['snapshot', 'src', 'locale', 'goal-id', 'allow-cross-origin'];

export abstract class PacerElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return BASE_ATTRIBUTES;
  }

  protected readonly root: ShadowRoot;
  readonly #mount: HTMLDivElement;
  readonly #children = new MutationObserver(() => this.#schedule());
  #generation = 0;
  #scheduled = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.#mount = document.createElement('div');
    this.#mount.className = 'pc-root';
    this.root.append(this.#mount);
    adoptStyles(this.root, ...this.extraCss());
  }

  /** Per-element CSS (host display, etc.), added after the shared sheets. */
  protected extraCss(): string[] {
    return [];
  }

  /** The content for a valid snapshot, or a problem to show instead. */
  protected abstract renderSnapshot(ctx: RenderContext): ComponentChild | Problem;

  /** Content that needs no snapshot at all (the lead badge given by attributes); null when one is needed. */
  protected renderWithoutSnapshot(_locale: Locale): ComponentChild | null {
    return null;
  }

  /** `loading` while a `src` file is on its way, then `ready` or `error`; also set as `data-state`. */
  get state(): WidgetState {
    return (this.getAttribute('data-state') as WidgetState | null) ?? 'loading';
  }

  connectedCallback(): void {
    // A child <script> may be parsed after the element is upgraded, or replaced later by the page.
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.ownerDocument.readyState === 'loading') {
      this.ownerDocument.addEventListener('DOMContentLoaded', () => this.#schedule(), { once: true });
    }
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#children.disconnect();
    this.#generation++;
    // Unmounting lets components clean up (the chart destroys its uPlot and ResizeObserver).
    render(null, this.#mount);
  }

  attributeChangedCallback(): void {
    this.#schedule();
  }

  /** The goal named by `goal-id`, or the only goal when the snapshot has just one. */
  protected goal(snapshot: Snapshot): GoalView | Problem {
    const id = this.getAttribute('goal-id')?.trim();
    if (!id) {
      const [only, ...others] = snapshot.goals;
      return only && others.length === 0 ? only : { problem: 'error.noGoalId' };
    }
    return snapshot.goals.find((g) => g.id === id) ?? { problem: 'error.noGoal', params: { id } };
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#update();
    });
  }

  #locale(snapshot?: Snapshot): Locale {
    return pickWidgetLocale(
      this.getAttribute('locale'),
      snapshot?.locale,
      this.ownerDocument.documentElement.lang,
    );
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation;
    const direct = this.renderWithoutSnapshot(this.#locale());
    if (direct !== null) {
      this.#paint('ready', direct, this.#locale());
      return;
    }
    let loaded = inlineSnapshot(this);
    if (!loaded) {
      const locale = this.#locale();
      this.#paint(
        'loading',
        <p class="pc-widget-loading" role="status">
          {widgetMessage(locale, 'loading')}
        </p>,
        locale,
      );
      loaded = await srcSnapshot(this);
      // Attributes may have changed (or the element left the page) while the file was loading.
      if (generation !== this.#generation) return;
    }
    this.#show(loaded);
  }

  #show(loaded: Loaded): void {
    if (!loaded.ok) {
      this.#paintProblem({ problem: loaded.key, params: loaded.params }, this.#locale());
      return;
    }
    const { snapshot } = loaded;
    const locale = this.#locale(snapshot);
    const out = this.renderSnapshot({
      snapshot,
      locale,
      msg: (key, params) => widgetMessage(locale, key, params),
    });
    if (isProblem(out)) this.#paintProblem(out, locale);
    else this.#paint('ready', out, snapshot.locale);
  }

  #paintProblem(problem: Problem, locale: Locale): void {
    this.#paint(
      'error',
      <p class="pc-widget-error" role="alert" data-testid="pacer-widget-error">
        {widgetMessage(locale, problem.problem, problem.params)}
      </p>,
      locale,
    );
  }

  #paint(state: WidgetState, content: ComponentChild, lang: Locale): void {
    // Goal texts are in the snapshot's language; screen readers need it to pronounce them.
    this.#mount.lang = lang;
    this.setAttribute('data-state', state);
    if (state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    render(content, this.#mount);
    this.dispatchEvent(new CustomEvent(`pacer-${state}`, { bubbles: true, composed: true }));
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' && value !== null && 'problem' in value && typeof value.problem === 'string'
  );
}

/** Defines a custom element once, so loading the bundle twice on a page does not throw. */
export function defineOnce(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
