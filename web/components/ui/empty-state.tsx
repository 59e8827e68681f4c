import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children: ReactNode;
  /** A link or button that leads on, if there is one. */
  action?: ReactNode;
  /** 1 when the empty state is the whole screen, so the screen still has its main heading. */
  headingLevel?: 1 | 2;
}

export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="empty-state">
      <Heading className="empty-state__title">{title}</Heading>
      <div className="empty-state__body">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
