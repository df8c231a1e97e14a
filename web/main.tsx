// Entry point: styles, then the app. Everything past the first screen loads on demand (App.tsx).
// First: settings that keep the page inside its Content-Security-Policy.
import './security/strict-csp.ts';
import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { loadUiLanguage, uiLanguage } from './i18n/i18n.ts';
import { startTheme } from './shell/theme.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTheme();
// A non-English interface fetches its strings first, so the first screen never flashes English.
void loadUiLanguage(uiLanguage())
  .catch((error: unknown) => console.error('Could not load the interface strings; showing English', error))
  .then(() => render(() => <App />, root));
