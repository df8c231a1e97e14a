// Entry point: styles, then the app. Everything past the first screen loads on demand (App.tsx).
import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { startTheme } from './shell/theme.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTheme();
render(() => <App />, root);
