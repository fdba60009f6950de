import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { RouteError } from './route-error.tsx';

/** resetKey: when it changes (a new address), a previous crash is cleared. */
type Props = { children: ReactNode; resetKey: string };
type State = { error: unknown };

/** Last line of defence: a render error, or a page chunk that failed to load after a deploy. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
