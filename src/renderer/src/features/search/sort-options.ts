/** The orders the library can show items in, as one value per choice of the sort menu. */
import type { SearchSort, SortOrder } from '../../../../shared/search';

export const SORT_CHOICES = ['captured-desc', 'captured-asc', 'imported-desc', 'imported-asc', 'relevance'] as const;
export type SortChoice = (typeof SORT_CHOICES)[number];

export function sortOf(choice: SortChoice): { readonly sort: SearchSort; readonly order: SortOrder } {
  if (choice === 'relevance') return { sort: 'relevance', order: 'desc' };
  const [sort, order] = choice.split('-') as [SearchSort, SortOrder];
  return { sort, order };
}

export function isSortChoice(value: string): value is SortChoice {
  return (SORT_CHOICES as readonly string[]).includes(value);
}
