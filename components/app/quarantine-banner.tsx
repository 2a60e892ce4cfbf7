import { quarantineCount, tr } from './session';

/**
 * A quarantined record no longer shows up anywhere (a damaged goal just vanishes from the dashboard):
 * this says how many there are and links to them in the options page (issue 15, finding 8).
 */
export function QuarantineBanner() {
  const count = quarantineCount.value;
  if (count === 0) return null;
  const t = tr.value;
  return (
    <p role="status" class="pc-error pc-quarantine-banner" data-testid="quarantine-banner">
      {t(count === 1 ? 'safety.quarantineBanner.one' : 'safety.quarantineBanner.other', { count })}{' '}
      <a href="/options.html#quarantine" target="_blank" rel="noopener" data-testid="quarantine-link">
        {t('safety.quarantineBanner.link')}
      </a>
    </p>
  );
}
