import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What to show instead of the children once one of them has thrown while rendering. */
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

/**
 * Keeps a render error inside the part of the page that threw, so one bad item cannot take the
 * whole view down. React offers this only as a class component.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Still reported, for whoever looks at the console: contained is not the same as fixed.
    console.error('A part of the page could not be shown:', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}
