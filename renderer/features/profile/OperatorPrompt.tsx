import { useState, type FormEvent } from 'react';
import { setOperator } from '../../db/queries.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';

/** First run: every op names its actor, so the app asks who is at this keyboard. */
export function OperatorPrompt() {
  const db = useDatabase();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 100) {
      setError('Enter your name (1–100 characters): it is recorded with every change you make.');
      return;
    }
    await setOperator(db, trimmed);
  }

  return (
    <main className="welcome">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="welcome-title">
        <h1 id="welcome-title">Welcome to War Room</h1>
        <p>Your name is recorded with every entry and change you make on this laptop.</p>
        <label htmlFor="operator-name">Your name</label>
        <input id="operator-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? 'operator-error' : undefined} />
        {error && (
          <p id="operator-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Start
        </button>
      </form>
    </main>
  );
}
