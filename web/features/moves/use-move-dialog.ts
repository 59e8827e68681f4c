import { useState } from 'react';

/**
 * The state both move dialogs share: open or not, the chosen target's id, and whether Move was
 * pressed without a choice. `close` forgets the choice and the mutation's error (`resetMutation`).
 */
export function useMoveDialog(resetMutation: () => void) {
  const [isOpen, setIsOpen] = useState(false);
  const [targetId, setTargetId] = useState('');
  const [isTargetMissing, setIsTargetMissing] = useState(false);
  return {
    isOpen,
    targetId,
    setTargetId,
    isTargetMissing,
    open: () => setIsOpen(true),
    /** Says to choose first when nothing is chosen; true when the move may go ahead. */
    confirmChoice: (hasChoice: boolean) => {
      setIsTargetMissing(!hasChoice);
      return hasChoice;
    },
    close: () => {
      resetMutation();
      setIsOpen(false);
      setTargetId('');
      setIsTargetMissing(false);
    },
  };
}

export type MoveDialogState = ReturnType<typeof useMoveDialog>;
