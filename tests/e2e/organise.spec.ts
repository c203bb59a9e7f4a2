// Searching with operators and chips, tagging a selection, describing an item and adding
// it to a case: each change visible in the views and in the item's custody timeline.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const O = join(REAL, 'orientation');
const FILES = ['Portrait_1.jpg', 'Portrait_6.jpg', 'Portrait_8.jpg', 'Landscape_1.jpg', 'Landscape_2.jpg'].map((n) => join(O, n));

test('search, tag a selection, describe an item, make a case', async ({ app }) => {
  test.setTimeout(120_000); // one long walk: ~30 s alone, twice that on a busy machine
  const { page } = app;
  await openNewVault(app);
  await (await importByDrop(app, [...FILES, join(REAL, 'mei', 'with-gps.mov')])).getByRole('button', { name: 'Close' }).click();
  const search = page.getByRole('searchbox', { name: 'Search' });
  const summary = page.locator('.search-summary');

  // Select the three portraits (click, then Shift+click) and tag them.
  await search.fill('name:Portrait');
  await search.press('Enter');
  await expect(summary).toContainText('3 items match');
  await page.getByRole('gridcell').first().click();
  await page.getByRole('gridcell').nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('3 selected');
  await page.getByRole('button', { name: 'Tag…' }).click();
  const tagDialog = page.getByRole('dialog');
  await tagDialog.getByLabel('Tags (commas separate them)').fill('ballot-stuffing, station 12');
  await tagDialog.getByRole('button', { name: 'Add tags' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done: 3 changed, 0 already so' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /ballot-stuffing\s*3/ })).toBeVisible();
  // That outcome belongs to the library: it does not follow to another screen, nor wait there.
  const places = page.getByRole('navigation', { name: 'Places' });
  await places.getByRole('button', { name: 'Verify a bundle' }).click();
  await expect(page.getByText('Done: 3 changed, 0 already so')).toHaveCount(0);
  await places.getByRole('button', { name: 'All items' }).click();
  await expect(page.getByText('Done: 3 changed, 0 already so')).toHaveCount(0);

  // Two operators: a tag and a negated type, as chips that can be removed one by one.
  await search.fill('tag:ballot-stuffing -name:Portrait_6');
  await search.press('Enter');
  await expect(summary).toContainText('2 items match');
  const chips = page.getByRole('list', { name: 'Search terms' });
  await expect(chips.getByText('tag:ballot-stuffing')).toBeVisible();
  await screenshot(page, '17-search-chips');
  await chips.getByRole('button', { name: 'Remove -name:Portrait_6' }).click();
  await expect(summary).toContainText('3 items match');
  await expect(search).toHaveValue('tag:ballot-stuffing');

  // The tag is in the custody timeline of each tagged item.
  await page.getByRole('gridcell').first().click();
  const detail = page.getByRole('complementary', { name: 'Item details' });
  await expect(detail.locator('[data-event-type="tagged"]').first().getByTestId('event-sentence')).toHaveText(/^Tagged ‘ballot-stuffing’, recorded by Tamga /);
  await expect(detail.getByRole('list', { name: 'Tags' })).toContainText('station 12');

  // Describe it: the change is saved and recorded.
  await detail.getByRole('textbox', { name: 'Description', exact: true }).fill('Ballot box opened before counting; camera held by an observer.');
  await detail.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(detail.getByText('Saved', { exact: true })).toBeVisible();
  await expect(detail.locator('[data-event-type="described"]')).toBeVisible();
  // Notes say they are private; the description can be made private too (a second event).
  await expect(detail.getByText('Notes are private: never exported.')).toBeVisible();
  const privately = detail.getByRole('checkbox', { name: /^Private: never exported/ });
  await expect(privately).not.toBeChecked();
  await privately.check();
  await detail.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(detail.getByText('Saved')).toBeVisible();
  await expect(detail.locator('[data-event-type="described"]')).toHaveCount(2);
  await expect(privately).toBeChecked();
  // The timeline says what the description became, then that it was made private.
  const described = detail.locator('[data-event-type="described"]').getByTestId('event-sentence');
  await expect(described.first()).toHaveText(/^Description set to ‘Ballot box opened before counting; camera held by an observer\.’, recorded by Tamga /);
  await expect(described.nth(1)).toHaveText(/^Description made private \(never exported\), recorded by Tamga /);
  // A private description changed later: only that it changed, never the text the event does not hold.
  await detail.getByRole('textbox', { name: 'Description', exact: true }).fill('Seen from the window of the school.');
  await detail.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(described).toHaveCount(3);
  await expect(described.nth(2)).toHaveText(/^Description changed \(private: the custody record holds a salted commitment, not the text\), recorded by /);
  await expect(detail.getByRole('list', { name: 'Custody timeline' })).not.toContainText('Seen from the window');
  await search.fill('window school');
  await search.press('Enter');
  await expect(summary).toContainText('1 item matches');

  // A new case from the selection; the sidebar lists it and finds its items.
  await search.fill('');
  await search.press('Enter');
  await page.getByRole('gridcell').first().click();
  await page.getByRole('button', { name: 'Add to case…' }).click();
  const caseDialog = page.getByRole('dialog');
  await caseDialog.getByLabel('Name of the new case').fill('Almaty, 10 January 2021');
  await caseDialog.getByRole('button', { name: 'Add to case' }).click();
  const caseLink = page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /Almaty, 10 January 2021\s*1/ });
  await caseLink.click();
  await expect(search).toHaveValue('case:"Almaty, 10 January 2021"');
  await expect(summary).toContainText('1 item matches');
  await expect(detail.locator('[data-event-type="added-to-case"]').getByTestId('event-sentence')).toHaveText(/^Added to the case ‘Almaty, 10 January 2021’, recorded by /);
  await screenshot(page, '18-case');

  // Once a case exists, the dialog offers it first, not "A new case…".
  await page.getByRole('gridcell').first().click();
  await page.getByRole('button', { name: 'Add to case…' }).click();
  await expect(caseDialog.getByLabel('Case', { exact: true })).toHaveValue('Almaty, 10 January 2021');
  await expect(caseDialog.getByLabel('Name of the new case')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A mistyped term is named where the results would be, not behind "Technical details".
  await search.fill('ballot after:10.01.2021');
  await search.press('Enter');
  const problem = page.getByRole('region', { name: 'Library' }).getByRole('alert');
  await expect(problem).toContainText('"after:10.01.2021" could not be understood, so nothing was searched.');
  await expect(problem).toContainText('after:2021-01-10');
  await search.fill('');
  await search.press('Enter');
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('gridcell').first()).toBeVisible();
});
