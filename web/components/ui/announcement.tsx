import { useEffect, useRef } from 'react';
import { Alert } from './alert.tsx';

/**
 * The outcome of an action whose button is gone (a deletion, a new page): the message takes
 * focus so keyboard and screen-reader users continue from it instead of from the page's top.
 */
export function Announcement({ text }: { text: string }) {
  const element = useRef<HTMLDivElement>(null);

  // On mount only: a language switch re-renders the text and must not pull focus here. A new
  // outcome is a new element (the parent keys it).
  useEffect(() => {
    element.current?.focus();
  }, []);

  return (
    <div className="announcement" ref={element} tabIndex={-1}>
      <Alert tone="success">{text}</Alert>
    </div>
  );
}
