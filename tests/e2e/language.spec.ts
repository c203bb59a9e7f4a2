// Russian and Kazakh, from the first screen to the library (and settings, in Russian).
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { PASSPHRASE, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

test('the whole window in Russian', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('tab', { name: 'Разблокировать хранилище' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.getByRole('tab', { name: 'Создать хранилище' }).click();
  await page.getByLabel('Папка хранилища').fill(join(app.dir, 'хранилище'));
  await page.getByLabel('Новая парольная фраза').fill(PASSPHRASE);
  await page.getByLabel('Повторите новую парольную фразу').fill(PASSPHRASE);
  await expect(page.getByText('Очень надёжная')).toBeVisible();
  await page.getByRole('button', { name: 'Создать хранилище' }).click();
  await page.getByRole('button', { name: 'Открыть хранилище' }).click();
  await expect(page.getByRole('heading', { name: 'Хранилище пусто' })).toBeVisible();

  await app.dropFiles('.workspace', [join(REAL, 'mei', 'Apple iPhone 4.jpg'), join(REAL, 'mei', 'with-gps.mov')]);
  const panel = page.getByRole('region', { name: 'Импорт' });
  await expect(panel.getByText('Импорт завершён')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('2 новых материала')).toBeVisible();
  await panel.getByRole('button', { name: 'Закрыть' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('2 материала');
  await page.getByRole('gridcell', { name: /Apple iPhone 4/ }).click();
  const detail = page.getByRole('complementary', { name: 'Сведения о материале' });
  await expect(detail.locator('[data-fact="taken"]')).toContainText('часовой пояс неизвестен');
  await expect(detail.locator('[data-fact="taken"]')).toContainText('янв. 2011');
  // Hemisphere words and a semicolon: the decimal comma cannot run the two numbers together.
  await expect(detail.locator('[data-fact="place"]')).toContainText('41,85300° с. ш.; 12,48883° в. д.');
  await expect(detail.getByText('Цепочка хранения')).toBeVisible();
  await screenshot(page, '15-library-ru');

  await page.getByRole('button', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await screenshot(page, '16-settings-ru');
});

test('the window in Kazakh', async ({ app }) => {
  const { page } = app;
  await page.getByLabel('Language').selectOption('kk');
  await expect(page.getByRole('tab', { name: 'Қойманың құлпын ашу' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

  await page.getByRole('tab', { name: 'Қойма жасау' }).click();
  await page.getByLabel('Қойма қалтасы').fill(join(app.dir, 'қойма'));
  await page.getByLabel('Жаңа құпия фраза', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Жаңа құпия фразаны қайта теріңіз').fill(PASSPHRASE);
  await expect(page.getByText('Өте күшті')).toBeVisible();
  await page.getByRole('button', { name: 'Қойма жасау' }).click();
  await expect(page.getByText('Кілт баспасы', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Қойманы ашу' }).click();
  await expect(page.getByRole('heading', { name: 'Бұл қойма бос' })).toBeVisible();

  await app.dropFiles('.workspace', [join(REAL, 'mei', 'Apple iPhone 4.jpg'), join(REAL, 'mei', 'with-gps.mov')]);
  const panel = page.getByRole('region', { name: 'Импорттау' });
  await expect(panel.getByText('Импорттау аяқталды')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('2 жаңа материал')).toBeVisible();
  await panel.getByRole('button', { name: 'Жабу' }).click();
  await expect(page.getByTestId('item-count')).toHaveText('2 материал');
  await page.getByRole('gridcell', { name: /Apple iPhone 4/ }).click();
  const detail = page.getByRole('complementary', { name: 'Материал туралы мәліметтер' });
  // The camera's clock with the zone said to be unknown, in figures: this Chromium's ICU
  // has no Kazakh data (its root form would be "2011 M01 13"; Node's ICU has the month names).
  await expect(detail.locator('[data-fact="taken"]')).toContainText('уақыт белдеуі белгісіз');
  await expect(detail.locator('[data-fact="taken"]')).toContainText(/\d\d\.01\.2011/);
  await expect(detail.locator('[data-fact="taken"]')).not.toContainText('M01');
  // Numbers as Kazakhstan writes them, whatever data this Intl has: a comma is the decimal sign.
  await expect(detail.locator('[data-fact="size"]')).toContainText(/338\s025 байт/);
  await expect(detail.locator('[data-fact="size"]')).toContainText('338 кБ');
  await expect(detail.locator('[data-fact="place"]')).toContainText('41,85300° с. е.; 12,48883° ш. б.');
  await expect(detail.getByRole('heading', { name: 'Сақтау тізбегі' })).toBeVisible();
  await screenshot(page, 'window-kk');
});
