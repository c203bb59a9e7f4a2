/**
 * The window's layout. For now a placeholder that says what Tamga is and that no vault
 * is open; unlocking, import and the rest arrive as feature folders beside this file.
 */
import type { JSX } from 'react';

export function App(): JSX.Element {
  return (
    <div className="app">
      <header className="app-header" aria-labelledby="app-name">
        <h1 id="app-name" className="app-name">
          Tamga
        </h1>
        <p className="app-summary">
          An offline, encrypted archive for photo and video evidence that keeps every original unchanged and records
          its chain of custody.
        </p>
      </header>
      <main className="app-main" aria-labelledby="vault-status">
        <h2 id="vault-status" className="vault-status">
          No vault open
        </h2>
      </main>
    </div>
  );
}
