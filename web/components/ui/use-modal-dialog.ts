import { useEffect, useRef } from 'react';

/**
 * A native <dialog> opened as a modal (focus trapped, the page inert) while `isOpen`: React state
 * decides, so the element's own open state follows it and never the other way round.
 */
export function useModalDialog(isOpen: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  return dialog;
}
