/**
 * Pages of a long reply: a list (documents, a chain, assignments) or a long answer becomes ONE message whose buttons
 * turn its pages (see ../pager.ts), instead of dozens of messages. Pure functions: HTML in, pages of HTML out.
 */
import { splitHtml } from "./split.js";

/** Tuning of paged replies, in one place. */
export const PAGING = {
  /**
   * Characters of HTML source per page. Telegram's limit is 4096 after entity parsing; the source is never shorter
   * than that, and the margin leaves room for a page's heading.
   */
  pageChars: 3600,
  /** Items per page of a list: about one screen of a phone, so a page is read without scrolling far. */
  itemsPerPage: 15,
} as const;

export interface PaginateOptions {
  /** Heading of each page (already-escaped HTML), given the 0-based page and the page count. */
  head?: (page: number, pages: number) => string;
  /** Closing line of each page (already-escaped HTML). */
  tail?: string;
  pageChars?: number;
  itemsPerPage?: number;
}

/**
 * Cut a list of items (each already-escaped HTML) into pages of at most `itemsPerPage` items and `pageChars`
 * characters with their heading and closing line. An item longer than a page on its own is split (splitHtml).
 */
export function paginate(items: readonly string[], options: PaginateOptions = {}): string[] {
  const pageChars = options.pageChars ?? PAGING.pageChars;
  const perPage = options.itemsPerPage ?? PAGING.itemsPerPage;
  // The heading's length with the widest page numbers (the first page's may be longer), so that no page outgrows
  // the limit once numbered.
  const headRoom = options.head ? Math.max(options.head(0, 99_999).length, options.head(99_998, 99_999).length) + 2 : 0;
  const tailRoom = options.tail ? options.tail.length + 2 : 0;
  const room = Math.max(200, pageChars - headRoom - tailRoom);
  const bodies: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const item of items.flatMap((it) => (it.length > room ? splitHtml(it, room) : [it]))) {
    if (current.length && (current.length >= perPage || size + item.length + 1 > room)) {
      bodies.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.length + 1;
  }
  if (current.length || !bodies.length) bodies.push(current);
  return bodies.map((body, page) =>
    [options.head?.(page, bodies.length), body.join("\n"), options.tail].filter((part) => part !== undefined && part !== "").join("\n\n"),
  );
}

/** A long text (an answer) in pages cut between paragraphs, then lines, then words; never inside a tag. */
export function pagesOfText(html: string, pageChars: number = PAGING.pageChars): string[] {
  const pages = splitHtml(html, pageChars);
  return pages.length ? pages : [html];
}
