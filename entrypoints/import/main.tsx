import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/import/import.css';
import { ImportApp } from '../../components/import/import-app';

// Wiring only: import.html is an unlisted page; the dashboard and the options page link to it.
render(<ImportApp />, document.getElementById('app')!);
