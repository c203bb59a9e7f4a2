// Russian, from the first screen to the library and settings.
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
  await expect(detail.getByText('Цепочка хранения')).toBeVisible();
  await screenshot(page, '15-library-ru');

  await page.getByRole('button', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await screenshot(page, '16-settings-ru');
});
