import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';

// `?example=1` loads the example data on open (used by `npm start` for a fresh profile).
const autoLoadExample = new URLSearchParams(location.search).get('example') === '1';
render(<OptionsApp autoLoadExample={autoLoadExample} />, document.getElementById('app')!);
