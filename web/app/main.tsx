import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CataloguesContext } from '../lib/i18n/catalogues-context.ts';
import { getLanguage, subscribeToLanguage } from '../lib/i18n/language-store.ts';
import '../styles/index.css';
import { AppRoutes } from './app-routes.tsx';
import { catalogues } from './messages/catalogues.ts';
import { createQueryClient } from './query-client.ts';

function applyDocumentLanguage() {
  document.documentElement.lang = getLanguage();
}
applyDocumentLanguage();
subscribeToLanguage(applyDocumentLanguage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <CataloguesContext value={catalogues}>
      <QueryClientProvider client={createQueryClient()}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </CataloguesContext>
  </StrictMode>,
);
