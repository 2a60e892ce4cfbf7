import { useEffect } from 'preact/hooks';
import { DbFailure } from '../app/db-failure';
import { dbError, settingsLoaded, settingsProblems, startSession, tr } from '../app/session';
import { BackupSection } from './backup-section';
import { CrmSection } from './crm-section';
import { ExampleDataSection } from './example-data-section';
import { ImportsSection } from './imports-section';
import { QuarantineSection } from './quarantine-section';
import { SettingsSection } from './settings-section';
import { SnapshotsSection } from './snapshots-section';
import { TeamSection } from './team-section';

export function OptionsApp({ autoLoadExample }: { autoLoadExample: boolean }) {
  useEffect(() => {
    void startSession();
  }, []);
  const t = tr.value;
  if (dbError.value && !settingsLoaded.value)
    return (
      <main class="pc-options">
        <DbFailure />
      </main>
    );
  if (!settingsLoaded.value) return <main class="pc-options" aria-busy="true" />;
  return (
    <main class="pc-options">
      <h1>
        {t('app.name')} — {t('settings.title')}
      </h1>
      {settingsProblems.value && (
        <p role="alert" class="pc-error">
          {settingsProblems.value.join('; ')}
        </p>
      )}
      <SettingsSection />
      <ExampleDataSection autoLoad={autoLoadExample} />
      <CrmSection />
      <TeamSection />
      <BackupSection />
      <QuarantineSection />
      <SnapshotsSection />
      <ImportsSection />
    </main>
  );
}
