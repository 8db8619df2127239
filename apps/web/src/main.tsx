/** Entry point: global styles, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles/tokens.css';
import './app/styles/global.css';
import './ui/ui.css';
import './app/styles/screens.css';
import './app/styles/corpus.css';
import './app/styles/collab.css';
import './app/styles/tagging.css';
import './app/styles/maps.css';
import './app/styles/admin.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
