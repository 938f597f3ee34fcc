import { Alert } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/** A view that fails to render shows why, and the header and navigation stay usable. */
export class ErrorBoundary extends Component<
  { children: ReactNode; title: string; resetKey: string },
  { error?: Error }
> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (this.state.error) {
      return (
        <Alert variant="filled" color="red.9" title={this.props.title} role="alert">
          {this.state.error.message}
        </Alert>
      );
    }
    return this.props.children;
  }
}
