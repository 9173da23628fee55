export type KbdProps = { keys: string };

/** The shortcut of a button, shown on it as SARA does: "Finalizar [F9]". */
export function Kbd({ keys }: KbdProps) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {keys}
    </kbd>
  );
}
