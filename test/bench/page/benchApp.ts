import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../renderer/app/App.tsx';
import { WarRoomDb } from '../../../renderer/db/database.ts';
import { DatabaseProvider } from '../../../renderer/db/DatabaseProvider.tsx';
import { resolveDatabaseName } from '../../../renderer/db/profile.ts';
import { DisplayApp } from '../../../renderer/features/display/DisplayApp.tsx';
import { CommandsProvider } from '../../../renderer/features/palette/CommandsProvider.tsx';

/** The database the app under benchmark uses, chosen as main.tsx chooses it. */
export const db = new WarRoomDb(resolveDatabaseName(window.location.search, localStorage));

/** The app on the page, given the benchmark's database as main.tsx gives it the real one. */
export function renderApp(): void {
  const root = document.createElement('div');
  document.body.append(root);
  createRoot(root).render(createElement(DatabaseProvider, { db, children: createElement(CommandsProvider, { children: createElement(App) }) }));
}

/** The second window (projector board), as main.tsx renders it for `?window=display`. */
export function renderDisplay(): void {
  const root = document.createElement('div');
  document.body.append(root);
  createRoot(root).render(createElement(DatabaseProvider, { db, children: createElement(DisplayApp) }));
}
