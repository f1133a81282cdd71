import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A bug in one view must not leave a blank window mid-incident: say what broke, reassure that
 * every committed change is already stored, and offer a reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('War Room view crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="content" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>{this.state.error.message}</p>
        <p>Every change you saw as saved is stored on this laptop; a half-typed entry is kept as a draft.</p>
        <button type="button" className="primary" onClick={() => window.location.reload()} autoFocus>
          Reload War Room
        </button>
      </main>
    );
  }
}
