/**
 * How annotations look, and how fast they paint: screenshots of the annotated
 * reader with the panel in the light, sepia and dark themes (for a person to
 * look at, in test-results/screenshots/), a check that every colour has its own
 * underline style in every theme, and 1,000 highlights painted through the CSS
 * Custom Highlight API with the time measured in the page.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, REPO_ROOT } from './support/fixtures';
import { createThroughClient, items, paintedHighlights, panel, ready, reportText } from './annotate-helpers';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

test('the annotated reader in light, sepia and dark themes', async ({ page }) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await ready(page);
  await createThroughClient(page, 'The government maintained insufficient efforts to protect victims', { color: 'gap', tags: ['protection'], note: 'Same wording as 2020.' });
  await createThroughClient(page, 'consistently failing to formally identify victims of trafficking within the TITP', { color: 'key', tags: ['TITP'] });
  await createThroughClient(page, 'formally identify victims', { color: 'question', note: 'Which ministry decides?' });
  await createThroughClient(page, 'Lack of standardized guidelines, poor coordination among ministries', { color: 'progress' });
  await createThroughClient(page, 'misunderstanding of sex and labor trafficking crimes', { color: 'statistic', tags: ['training'] });
  await page.reload();
  await ready(page);
  await expect(items(page)).toHaveCount(5);
  await items(page).getByRole('button', { name: 'Protection ¶1', exact: true }).first().click();
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).filter((n) => n.startsWith('fm-annotation-')).length).toBe(6);

  // The flash that marks the passage scrolled to is over once it fades.
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('fieldmark-flash')), { timeout: 5000 }).toBe(false);
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    // Every colour keeps a distinct underline style in every theme (the cue that does not depend on hue).
    const styles = await panel(page)
      .locator('.fm-legend .fm-sample')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).textDecorationStyle));
    expect(new Set(styles).size).toBe(5);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `annotate-${theme.toLowerCase()}.png`) });
  }

  // The card over the text, in the dark theme.
  await items(page).getByRole('button', { name: 'Edit note and tags, Protection ¶1' }).nth(1).click();
  await expect(page.getByRole('dialog', { name: 'Protection ¶1' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'annotate-card-dark.png') });
});

test('highlighted text keeps WCAG AA contrast in every theme, alone, overlapping and selected', async ({ page }) => {
  await ready(page);
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    const worst = await page.evaluate(() => {
      type Rgba = [number, number, number, number];
      const parse = (css: string): Rgba => {
        const n = css.match(/[\d.]+/g)!.map(Number);
        return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
      };
      const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as Rgba;
      const lum = (c: Rgba) => {
        const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
      };
      const contrast = (a: Rgba, b: Rgba) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const paragraph = document.querySelector('article p[data-block-id]')!;
      const page = parse(getComputedStyle(document.querySelector('main')!).backgroundColor);
      const names = ['key', 'gap', 'progress', 'statistic', 'question'].map((id) => `fm-annotation-${id}`);
      const style = (name: string) => getComputedStyle(paragraph, `::highlight(${name})`);
      const text = parse(style(names[0]!).color || getComputedStyle(paragraph).color);
      const selected = parse(style('fm-annotation-selected').backgroundColor);
      let min = Infinity;
      for (const a of names) {
        const one = over(parse(style(a).backgroundColor), page);
        min = Math.min(min, contrast(text, one), contrast(text, over(selected, one)));
        for (const b of names) if (a !== b) min = Math.min(min, contrast(text, over(parse(style(b).backgroundColor), one)));
      }
      return min;
    });
    expect(worst, `${theme}: lowest contrast of highlighted text`).toBeGreaterThanOrEqual(4.5);
  }
});

test('1,000 highlights are painted, and the paint time is measured in the page', async ({ page }) => {
  test.setTimeout(180_000);
  await ready(page);
  const text = await reportText(page);
  // 1,000 annotations spread over the whole text (some overlapping), created through the contract.
  const spans: Array<{ start: number; end: number; color: string }> = [];
  const colors = ['key', 'gap', 'progress', 'statistic', 'question'];
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor((i * (text.length - 80)) / 1000);
    spans.push({ start, end: start + 20 + (i % 40), color: colors[i % 5]! });
  }
  await page.evaluate(async (list) => {
    const api = (window as unknown as { fieldmark: { createAnnotation(input: unknown): Promise<unknown> } }).fieldmark;
    for (let i = 0; i < list.length; i += 50) await Promise.all(list.slice(i, i + 50).map((input) => api.createAnnotation(input)));
  }, spans);
  await page.reload();
  await ready(page);
  // The list is virtualised (only cards in view are rendered): the panel's count and the list's size say 1,000.
  await expect(panel(page).getByText('1000 highlights')).toBeVisible({ timeout: 30_000 });
  await expect(items(page).first()).toHaveAttribute('aria-setsize', '1000');
  const painted = await page.evaluate(() => {
    let total = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('fm-annotation-') && name !== 'fm-annotation-selected') total += highlight.size;
    });
    return total;
  });
  expect(painted).toBe(1000);
  const measure = await page.evaluate(() => {
    const entry = performance.getEntriesByName('fieldmark:paint-highlights').at(-1) as PerformanceMeasure | undefined;
    return entry ? { ms: entry.duration, count: (entry.detail as { count: number }).count } : null;
  });
  expect(measure?.count).toBe(1000);
  // Reported, not asserted: timing depends on the machine.
  test.info().annotations.push({ type: 'paint-1000-highlights-ms', description: measure!.ms.toFixed(1) });
  console.log(`Painting 1,000 highlights took ${measure!.ms.toFixed(1)} ms`);
});
