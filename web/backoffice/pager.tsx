import type { Page } from '@web/backoffice/backoffice-api.ts';

export type PagerProps = {
  page: Page | undefined;
  label: string;
  onOffset: (offset: number) => void;
};

/** "1–50 de 120" with previous and next: the list pages on the server. */
export function Pager({ page, label, onOffset }: PagerProps) {
  if (!page || page.total === 0) {
    return null;
  }
  const last = Math.min(page.offset + page.limit, page.total);

  return (
    <nav className="pager" aria-label={`Páginas de ${label}`}>
      <button
        type="button"
        className="button button-small"
        disabled={page.offset === 0}
        onClick={() => onOffset(Math.max(0, page.offset - page.limit))}
      >
        ‹ Anteriores
      </button>
      <span role="status">
        {page.offset + 1}–{last} de {page.total}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={last >= page.total}
        onClick={() => onOffset(page.offset + page.limit)}
      >
        Próximos ›
      </button>
    </nav>
  );
}
