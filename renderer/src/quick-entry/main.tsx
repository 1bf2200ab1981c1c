import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickEntryApp } from './QuickEntry';
import { startStore } from './store';
import './quick-entry.css';

void startStore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickEntryApp />
  </StrictMode>,
);
