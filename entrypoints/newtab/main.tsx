import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/widgets/widgets.css';
import '../../components/newtab/newtab.css';
import { cached } from '../../components/newtab/model';
import { Shell } from '../../components/newtab/shell';
import { pageLocale } from '../../lib/i18n/detect-locale';
import { shellTranslator } from '../../lib/i18n/messages-shell';

// Paint from the cached summary at once; the full dashboard (string tables, IndexedDB, engine,
// charts) loads after. Only the shell's strings here: the full tables alone are over the JS budget.
const root = document.getElementById('app')!;
const summary = cached.value;
render(<Shell summary={summary} t={shellTranslator(summary?.locale ?? pageLocale(document))} />, root);
// The first goal card is on screen at the next frame: `npm run bench` times navigation → this mark.
if (summary?.goals.length) requestAnimationFrame(() => performance.mark('pacer:first-card'));
void import('../../components/newtab/app').then(({ mountApp }) => mountApp(root));
