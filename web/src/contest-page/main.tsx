import './contest.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ContestApp } from './contest-app.tsx';

// The public contest page's own entry (web/thi.html, decision 0011): plain React, no Mantine,
// so a cheap phone on 3G loads it quickly.
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from thi.html');

createRoot(root).render(
  <StrictMode>
    <ContestApp />
  </StrictMode>,
);
