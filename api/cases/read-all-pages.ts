/** Every page of a visibility query, up to a bound, for answers that must see the whole list (sorting, counts). */
import type { CaseGateway, CaseListPage } from './case-gateway';

export type ListedCase = CaseListPage['items'][number];

/** Reads pages of `pageSize` until the last or `maxPages`; `partial` says the bound stopped it first. */
export async function readAllPages(
  gateway: CaseGateway,
  query: string,
  maxPages: number,
  pageSize = 500,
): Promise<{ items: ListedCase[]; partial: boolean }> {
  const items: ListedCase[] = [];
  let pageToken: string | undefined;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await gateway.list(query, pageSize, pageToken);
    items.push(...page.items);
    pageToken = page.nextPageToken;
    if (pageToken === undefined) return { items, partial: false };
  }
  return { items, partial: true };
}
