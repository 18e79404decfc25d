/**
 * The annotations panel: filters by colour, tag, section and free text with
 * their counts, emphasis of the matched terms, sort orders, panel → text and
 * text → panel navigation, and renaming a colour in the legend.
 */
import { expect, test } from './support/fixtures';
import { createThroughClient, items, panel, phraseOffsets, pointAt, ready, toolbar } from './annotate-helpers';

async function seed(page: Parameters<typeof ready>[0]) {
  await createThroughClient(page, 'failing to formally identify victims of trafficking within the TITP', {
    color: 'gap',
    tags: ['TITP', 'identification'],
    note: 'Core failure of the screening system',
  });
  await createThroughClient(page, 'In 2020, authorities identified 25 sex trafficking victims', { color: 'statistic', tags: ['identification'] });
  await createThroughClient(page, 'hotlines that could identify potential trafficking cases', { color: 'gap', note: 'None of the hotlines found a victim' });
  await createThroughClient(page, 'The government maintained insufficient efforts to prevent trafficking', { color: 'key', tags: ['titp'] });
  await page.reload();
  await ready(page);
  await expect(items(page)).toHaveCount(4);
}

test('filters by colour, tag, section and text, with counts, and emphasises matches', async ({ page }) => {
  await ready(page);
  await expect(panel(page).getByText('No highlights yet')).toBeVisible();
  await seed(page);
  const p = panel(page);

  // Colour counts; choosing a colour keeps the other colours' counts.
  await expect(p.getByRole('button', { name: 'Gap or failure (2)' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Statistic (1)' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Key finding (1)' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Progress (0)' })).toBeVisible();
  await p.getByRole('button', { name: 'Gap or failure (2)' }).click();
  await expect(p.getByRole('button', { name: 'Gap or failure (2)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(items(page)).toHaveCount(2);
  await expect(p.getByText('Showing 2 of 4')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Statistic (1)' })).toBeVisible();

  // Tag counts merge case ("TITP" and "titp") and follow the colour filter.
  const tags = p.getByRole('group', { name: 'Tags' });
  await expect(tags.getByRole('button', { name: 'TITP (1)' })).toBeVisible();
  await expect(tags.getByRole('button', { name: 'identification (1)' })).toBeVisible();
  await p.getByRole('button', { name: 'Gap or failure (2)' }).click();
  await expect(tags.getByRole('button', { name: 'TITP (2)' })).toBeVisible();
  await expect(tags.getByRole('button', { name: 'identification (2)' })).toBeVisible();
  await tags.getByRole('button', { name: 'identification (2)' }).click();
  await expect(items(page)).toHaveCount(2);
  await expect(p.getByRole('button', { name: 'Statistic (1)' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Key finding (0)' })).toBeVisible();

  // Section filter.
  await p.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Protection (2)' });
  await expect(items(page)).toHaveCount(2);
  await p.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(items(page)).toHaveCount(4);
  await p.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'Prevention (1)' });
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toContainText('Prevention ¶1');
  await p.getByRole('combobox', { name: 'Section' }).selectOption({ label: 'All sections' });

  // Free text over quote, note and tags, with the terms emphasised inside the cards.
  const filter = p.getByRole('searchbox', { name: 'Filter annotations' });
  await filter.fill('hotlines');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).locator('mark')).toHaveText(['hotlines', 'hotlines']);
  await filter.fill('SCREENING');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).locator('mark')).toHaveText(['screening']);
  await filter.fill('identif victims');
  await expect(items(page)).toHaveCount(2);
  await filter.fill('titp');
  await expect(items(page)).toHaveCount(2);
  await expect(p.getByRole('button', { name: 'Gap or failure (1)' })).toBeVisible();
  await filter.fill('no such words');
  await expect(items(page)).toHaveCount(0);
  await expect(p.getByText('No annotations match these filters.')).toBeVisible();
  await p.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(filter).toHaveValue('');
  await expect(items(page)).toHaveCount(4);
});

test('lists in document order or newest first', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, 'In 2020, authorities identified 25 sex trafficking victims', { color: 'statistic' });
  await createThroughClient(page, 'The government maintained insufficient efforts to prevent trafficking', { color: 'key' });
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'question' });
  await page.reload();
  await ready(page);
  const quotes = items(page).locator('.fm-item-quote');
  await expect(quotes).toHaveText([/^JAPAN: Tier 2/, /^In 2020, authorities/, /^The government maintained/]);
  await panel(page).getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Newest first' });
  await expect(quotes).toHaveText([/^JAPAN: Tier 2/, /^The government maintained/, /^In 2020, authorities/]);
  await panel(page).getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Document order' });
  await expect(quotes).toHaveText([/^JAPAN: Tier 2/, /^In 2020, authorities/, /^The government maintained/]);
});

test('a card in the panel scrolls to its passage and flashes it; a click in the text selects the card', async ({ page }) => {
  await ready(page);
  const far = 'prevent trafficking, including by continuing to demonstrate a lack of political will';
  await createThroughClient(page, far, { color: 'progress' });
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key' });
  await page.reload();
  await ready(page);

  const passage = await phraseOffsets(page, far);
  const inView = () =>
    page.evaluate((start) => {
      const el = [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find(
        (b) => Number(b.dataset.start) <= start && start < Number(b.dataset.end),
      )!;
      const range = document.createRange();
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
      range.setStart(node, start - Number(el.dataset.start));
      range.setEnd(node, start - Number(el.dataset.start) + 1);
      const rect = range.getBoundingClientRect();
      const pane = document.querySelector('main')!.getBoundingClientRect();
      return rect.top >= pane.top && rect.bottom <= pane.bottom;
    }, passage.start);
  expect(await inView()).toBe(false);

  await items(page).getByRole('button', { name: 'Prevention ¶1', exact: true }).click();
  await expect.poll(inView).toBe(true);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('fieldmark-flash'))).toBe(true);
  await expect(items(page).filter({ hasText: 'Progress' })).toHaveAttribute('aria-current', 'true');

  // Scroll back to the top by hand and click the other highlight in the text: its card is selected.
  const pane = await page.getByRole('main').boundingBox();
  await page.mouse.move(pane!.x + pane!.width / 2, pane!.y + pane!.height / 2);
  await page.mouse.wheel(0, -100_000);
  const tier = await phraseOffsets(page, 'JAPAN: Tier 2');
  const point = await pointAt(page, tier.start + 3);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(items(page).filter({ hasText: 'JAPAN: Tier 2' })).toHaveAttribute('aria-current', 'true');
  await expect(items(page).filter({ hasText: 'Progress' })).not.toHaveAttribute('aria-current', 'true');
});

test('renaming a colour changes the legend, the toolbar and the cards, and is saved', async ({ page, host }) => {
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'question' });
  await page.reload();
  await ready(page);
  const p = panel(page);
  await p.getByRole('button', { name: 'Rename Question' }).click();
  const input = p.getByRole('textbox', { name: 'Name for the purple highlights' });
  await input.fill('Ask the ministry');
  await input.press('Enter');
  await expect(p.getByRole('button', { name: 'Ask the ministry (1)' })).toBeVisible();
  await expect(items(page)).toContainText('Ask the ministry');

  // A name another colour already has is refused with a reason.
  await p.getByRole('button', { name: 'Rename Statistic' }).click();
  const other = p.getByRole('textbox', { name: 'Name for the blue highlights' });
  await other.fill('key finding');
  await other.press('Enter');
  await expect(p.getByRole('alert')).toHaveText('Another colour is already called “Key finding”.');
  await other.press('Escape');
  await expect(p.getByRole('button', { name: 'Statistic (0)' })).toBeVisible();

  const onDisk = (await host.readStore()) as { settings: { legend: Record<string, string> } };
  expect(onDisk.settings.legend.question).toBe('Ask the ministry');

  const again = await host.restart();
  await ready(again);
  const words = await phraseOffsets(again, 'minimum standards');
  await again.evaluate(({ start, end }) => {
    const el = [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find(
      (b) => Number(b.dataset.start) <= start && start < Number(b.dataset.end),
    )!;
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
    const range = document.createRange();
    range.setStart(node, start - Number(el.dataset.start));
    range.setEnd(node, end - Number(el.dataset.start));
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, words);
  await expect(toolbar(again).getByRole('button', { name: 'Highlight as Ask the ministry' })).toBeVisible();
});
