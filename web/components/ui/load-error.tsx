import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

interface LoadErrorProps {
  message: string;
  retryLabel: string;
  onRetry: () => void;
  isRetrying?: boolean;
}

/** Shown in place of content that could not be loaded, with a way to try again. */
export function LoadError({ message, retryLabel, onRetry, isRetrying = false }: LoadErrorProps) {
  return (
    <Alert tone="error">
      <p>{message}</p>
      <Button onClick={onRetry} isPending={isRetrying}>
        {retryLabel}
      </Button>
    </Alert>
  );
}
