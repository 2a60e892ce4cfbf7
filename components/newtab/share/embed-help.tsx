import { useState } from 'preact/hooks';
import { embedSnippet, WIDGETS_SCRIPT_FILE } from '../../../lib/snapshot/embed-snippet';
import { tr } from '../../app/session';

/**
 * "How to embed" (Share / embed): the three steps and the code for the ticked goals, with a copy button.
 * Only what works: the widgets script and the snapshot JSON both come from this dialog, and the code is
 * what the widgets read (lib/snapshot/embed-snippet.ts). README § Embed goals in your own web page.
 */
export function EmbedHelp({ goalIds, snapshotFile }: { goalIds: readonly string[]; snapshotFile: string }) {
  const t = tr.value;
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const code = embedSnippet(goalIds, snapshotFile);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section class="pc-share-embed" aria-labelledby="share-embed-title" data-testid="share-embed">
      <h3 id="share-embed-title">{t('share.embed.title')}</h3>
      <ol>
        <li>{t('share.embed.step1', { script: WIDGETS_SCRIPT_FILE })}</li>
        <li>{t('share.embed.step2')}</li>
        <li>{t('share.embed.step3')}</li>
      </ol>
      {goalIds.length === 0 ? (
        <p class="pc-muted">{t('share.embed.empty')}</p>
      ) : (
        <>
          <label class="pc-visually-hidden" for="share-embed-code">
            {t('share.embed.code')}
          </label>
          <textarea
            id="share-embed-code"
            class="pc-share-code"
            data-testid="share-embed-code"
            readOnly
            spellcheck={false}
            rows={Math.min(8, goalIds.length + 1)}
            value={code}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div class="pc-row">
            <button type="button" data-testid="share-embed-copy" onClick={() => void copy()}>
              {t('share.embed.copy')}
            </button>
            <span
              class={copied === 'failed' ? 'pc-error' : 'pc-muted'}
              role="status"
              data-testid="share-embed-copied"
            >
              {copied === 'ok'
                ? t('share.embed.copied')
                : copied === 'failed'
                  ? t('share.embed.copyFailed')
                  : ''}
            </span>
          </div>
          <p class="pc-hint">{t('share.embed.file', { file: snapshotFile })}</p>
        </>
      )}
      <p class="pc-hint">{t('share.embed.update')}</p>
      <p class="pc-hint">{t('share.embed.more')}</p>
    </section>
  );
}
