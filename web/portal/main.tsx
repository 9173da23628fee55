import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from '@web/portal/portal-app.tsx';
import '@web/portal/portal.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  );
}
