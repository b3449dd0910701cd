import { startApp } from './app.ts';

const root = document.querySelector<HTMLElement>('.app');
if (root) void startApp(root);
