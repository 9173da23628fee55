import { useEffect, useRef } from 'react';

/** A key as the screens name it: "F2", "F9", "Escape", "Alt+A", "Ctrl+Enter". */
export type ShortcutKey = string;

export type Shortcuts = Partial<Record<ShortcutKey, (() => void) | undefined>>;

function keyName(event: KeyboardEvent): string {
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const prefix = `${event.ctrlKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}`;

  return `${prefix}${event.altKey && event.code.startsWith('Key') ? event.code.slice(3) : key}`;
}

/**
 * Keyboard shortcuts for the screen that is showing, as in SARA: F-keys for the screen's actions,
 * Alt+letter for navigation. Handlers are read through a ref, so callers can pass fresh closures.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true) {
  const current = useRef(shortcuts);
  current.current = shortcuts;

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      const handler = current.current[keyName(event)];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKeyDown);

    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
