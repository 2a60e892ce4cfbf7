import { signal } from '@preact/signals';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GoalView } from '../../lib/app/goal-view';
import { type ShareSection, shareGroups, shareOrder } from '../../lib/app/share-order';
import { settings, tr } from '../app/session';
import { focusFirstField } from './editor/form-field';
import { goals as dashboardGoals, data } from './model';
import { teamIds } from './sections';
import './share/share-dialog.css';
import { WIDGETS_SCRIPT_FILE } from '../../lib/snapshot/embed-snippet';
import { shareFileName } from '../../lib/snapshot/share-files';
import { EmbedHelp } from './share/embed-help';
import {
  downloadCardPng,
  downloadCardSvg,
  downloadSnapshotHtml,
  downloadSnapshotJson,
  downloadWidgetsScript,
  MissingWidgetsBundle,
  type ShareInput,
} from './share/share-exports';

/** View state: whether "Share / embed" is open. */
export const sharing = signal(false);

/** Each checklist section under the dashboard's own heading for it. */
const SECTION_TITLE = {
  team: 'team.panel.title',
  pinned: 'dashboard.pinned',
  goals: 'widget.goals',
  milestones: 'widget.milestones',
} as const satisfies Record<ShareSection, string>;

type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/**
 * "Share / embed" (issue 7, item 3): the user ticks goals (none by default) and only those leave, as a
 * snapshot JSON, a self-contained HTML file, or a card image. A modal <dialog> like the editors: Esc
 * closes it, the first field takes focus, focus returns to the Share button on close.
 */
export function ShareDialog() {
  if (!sharing.value) return null;
  return <ShareDialogBody onClose={() => (sharing.value = false)} />;
}

function ShareDialogBody({ onClose }: { onClose: () => void }) {
  const t = tr.value;
  const dialog = useRef<HTMLDialogElement>(null);
  // The dashboard's sections in its layout (share-order.ts): the checklist, the preview and the files
  // all list the goals this way.
  const groups = shareGroups(
    data.value?.goals ?? dashboardGoals.value,
    data.value?.milestones ?? [],
    settings.value.layout,
    teamIds.value,
  );
  const goals: readonly GoalView[] = shareOrder(groups);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [title, setTitle] = useState('');
  const [imageId, setImageId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  // One layout effect, in mount order: remember the opener, open the modal, focus the first field. On
  // unmount the hooks clean up before Preact removes the <dialog>, while the modal still makes the page
  // inert, so the dialog is closed first or focus could not go back to the opener.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    const stopFocus = d ? focusFirstField(d) : () => {};
    return () => {
      stopFocus();
      if (d?.open) d.close();
      const back = opener?.isConnected
        ? opener
        : document.querySelector<HTMLElement>('[data-testid="share"]');
      back?.focus();
    };
  }, []);

  // The checklist's order, not click order: the files list goals the way the dashboard does.
  const ticked = goals.filter((g) => selected.has(g.id));
  const imageGoal = ticked.find((g) => g.id === imageId) ?? ticked[0] ?? null;
  const busy = status?.kind === 'busy';
  const allTicked = goals.length > 0 && ticked.length === goals.length;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const input = (): ShareInput => ({
    goals,
    scorecard: data.value?.scorecard ?? [],
    selectedIds: ticked.map((g) => g.id),
    title,
    settings: settings.value,
  });

  const run = async (make: () => string | Promise<string>, noBundle = t('share.noBundle')) => {
    setStatus({ kind: 'busy', text: t('share.working') });
    try {
      const file = await make();
      setStatus({ kind: 'ok', text: t('share.saved', { file }) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text:
          error instanceof MissingWidgetsBundle
            ? noBundle
            : t('share.failed', { error: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  const nothing = ticked.length === 0;
  return (
    <dialog
      ref={dialog}
      class="pc-dialog pc-share"
      aria-labelledby="share-title"
      aria-describedby="share-intro"
      data-testid="share-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header class="pc-dialog-head">
        <h2 id="share-title">{t('share.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('action.close')}>
          ✕
        </button>
      </header>
      <p id="share-intro" class="pc-muted">
        {t('share.intro')}
      </p>

      <fieldset class="pc-fieldset pc-share-goals">
        <legend>{t('share.goals')}</legend>
        {goals.length === 0 ? (
          <p class="pc-muted">{t('share.noGoals')}</p>
        ) : (
          <>
            <button
              type="button"
              class="pc-share-all"
              data-testid="share-select-all"
              onClick={() => setSelected(allTicked ? new Set() : new Set(goals.map((g) => g.id)))}
            >
              {allTicked ? t('share.selectNone') : t('share.selectAll')}
            </button>
            <div class="pc-share-groups">
              {groups.map((group) => (
                <section key={group.section} aria-labelledby={`share-group-${group.section}`}>
                  <h3 id={`share-group-${group.section}`} class="pc-share-group-title">
                    {t(SECTION_TITLE[group.section])}
                  </h3>
                  <ul class="pc-share-list">
                    {group.goals.map((g) => (
                      <li key={g.id}>
                        <label>
                          <input
                            type="checkbox"
                            data-goal-id={g.id}
                            checked={selected.has(g.id)}
                            onChange={(e) => toggle(g.id, e.currentTarget.checked)}
                          />{' '}
                          <span class="pc-share-goal-title">{g.title}</span>{' '}
                          <span class="pc-muted">· {g.kindLabel}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
      </fieldset>

      <div class="pc-field">
        <label for="share-title-field">{t('share.titleField')}</label>
        <input
          id="share-title-field"
          type="text"
          maxLength={200}
          value={title}
          placeholder={t('share.titlePlaceholder')}
          aria-describedby="share-title-hint"
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <p id="share-title-hint" class="pc-hint">
          {t('share.titleHint')}
        </p>
      </div>

      <section class="pc-share-preview" aria-labelledby="share-preview-title" data-testid="share-preview">
        <h3 id="share-preview-title">{t.plural('share.preview', ticked.length)}</h3>
        {nothing ? (
          <p class="pc-muted">{t('share.previewEmpty')}</p>
        ) : (
          <>
            <ul>
              {ticked.map((g) => (
                <li key={g.id}>{g.title}</li>
              ))}
            </ul>
            <p class="pc-hint">{t('share.previewNote')}</p>
          </>
        )}
      </section>

      <div class="pc-share-actions">
        <div class="pc-share-action">
          <button
            type="button"
            data-testid="share-json"
            disabled={nothing || busy}
            aria-describedby="share-json-hint"
            onClick={() => void run(() => downloadSnapshotJson(input()))}
          >
            {t('share.json')}
          </button>
          <p id="share-json-hint" class="pc-hint">
            {t('share.jsonHint')}
          </p>
        </div>
        <div class="pc-share-action">
          <button
            type="button"
            data-testid="share-script"
            disabled={busy}
            aria-describedby="share-script-hint"
            onClick={() => void run(downloadWidgetsScript, t('share.noBundleScript'))}
          >
            {t('share.script')}
          </button>
          <p id="share-script-hint" class="pc-hint">
            {t('share.scriptHint', { file: WIDGETS_SCRIPT_FILE })}
          </p>
        </div>
        <div class="pc-share-action">
          <button
            type="button"
            data-testid="share-html"
            disabled={nothing || busy}
            aria-describedby="share-html-hint"
            onClick={() => void run(() => downloadSnapshotHtml(input()))}
          >
            {t('share.html')}
          </button>
          <p id="share-html-hint" class="pc-hint">
            {t('share.htmlHint')}
          </p>
        </div>
        <fieldset class="pc-fieldset pc-share-image" disabled={nothing || busy}>
          <legend>{t('share.image')}</legend>
          <p id="share-image-hint" class="pc-hint">
            {t('share.imageHint')}
          </p>
          <div class="pc-row">
            <label for="share-image-goal">{t('share.imageGoal')}</label>
            <select
              id="share-image-goal"
              data-testid="share-image-goal"
              aria-describedby="share-image-hint"
              value={imageGoal?.id ?? ''}
              onChange={(e) => setImageId(e.currentTarget.value)}
            >
              {ticked.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="share-svg"
              onClick={() => imageGoal && void run(() => downloadCardSvg(input(), imageGoal.id))}
            >
              {t('share.svg')}
            </button>
            <button
              type="button"
              data-testid="share-png"
              onClick={() => imageGoal && void run(() => downloadCardPng(input(), imageGoal.id))}
            >
              {t('share.png')}
            </button>
          </div>
        </fieldset>
      </div>

      <EmbedHelp
        goalIds={ticked.map((g) => g.id)}
        snapshotFile={shareFileName('json', { generatedAt: Date.now(), title })}
      />

      <p
        class={status?.kind === 'error' ? 'pc-error' : 'pc-muted'}
        role={status?.kind === 'error' ? 'alert' : 'status'}
        data-testid="share-status"
      >
        {status?.text ?? ''}
      </p>
    </dialog>
  );
}
