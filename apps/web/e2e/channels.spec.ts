import { discordRequests, expect, screenshot, signUp, test, uniqueEmail } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('channels: add and test a Discord channel, a webhook whose secret shows once, digest mode and quiet hours, turn off, remove', async ({ page, stack }) => {
  await signUp(page, uniqueEmail('channels'));
  await page.getByRole('link', { name: 'Channels' }).click();
  await expect(page.getByRole('heading', { name: 'Channels', level: 1 })).toBeVisible();
  await expect(page.getByText('No channels yet')).toBeVisible();

  // A Discord channel (the fake Discord), tested.
  await page.getByLabel('Kind').selectOption('discord');
  await page.getByLabel('Name (optional)').fill('Team Discord');
  await page.getByLabel('Discord webhook URL').fill(stack.webhookUrl);
  await page.getByRole('button', { name: 'Add channel' }).click();
  const discord = page.getByRole('region', { name: /Team Discord/ });
  await expect(discord).toBeVisible();
  const before = (await discordRequests(stack)).length;
  await discord.getByRole('button', { name: 'Send a test message' }).click();
  await expect(discord.getByText('Test message delivered.')).toBeVisible();
  expect((await discordRequests(stack)).length).toBe(before + 1);

  // A signed webhook: its secret is shown once, in the answer of adding it.
  await page.getByLabel('Kind').selectOption('webhook');
  await page.getByLabel('Name (optional)').fill('My receiver');
  await page.getByLabel('Endpoint URL').fill(`${new URL(stack.webhookUrl).origin}/receiver`);
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByTestId('webhook-secret')).toContainText(/whsec_[A-Za-z0-9_-]{32,}/);
  await screenshot(page, '30-channels');
  await page.reload();
  await expect(page.getByRole('region', { name: /My receiver/ })).toBeVisible();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
  await expect(page.getByText(/whsec_/)).toHaveCount(0);

  // A daily digest at 07:00 Berlin time, quiet from 22:00 to 07:30; kept across a reload.
  const receiver = page.getByRole('region', { name: /My receiver/ });
  await receiver.getByLabel('When to send').selectOption('daily');
  await receiver.getByLabel('Digest hour (local)').selectOption('7');
  await receiver.getByLabel('Time zone').fill('Europe/Berlin');
  await receiver.getByLabel('From').fill('22:00');
  await receiver.getByLabel('Until').fill('07:30');
  await receiver.getByRole('button', { name: 'Save' }).click();
  await expect(receiver.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(receiver.getByLabel('When to send')).toHaveValue('daily');
  await expect(receiver.getByLabel('Digest hour (local)')).toHaveValue('7');
  await expect(receiver.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expect(receiver.getByLabel('From')).toHaveValue('22:00');
  await expect(receiver.getByLabel('Until')).toHaveValue('07:30');

  // A time zone the server does not know is refused with the reason.
  await receiver.getByLabel('Time zone').fill('Mars/Olympus');
  await receiver.getByRole('button', { name: 'Save' }).click();
  await expect(receiver.getByRole('alert')).toBeVisible();

  // Off, with the reason shown; then removed.
  await page.reload();
  await discord.getByRole('button', { name: 'Turn off' }).click();
  await expect(discord.getByTestId('channel-state')).toHaveText('Off: turned off by you');
  await discord.getByRole('button', { name: 'Turn on' }).click();
  await expect(discord.getByTestId('channel-state')).toHaveText('On');
  await discord.getByRole('button', { name: 'Remove' }).click();
  await expect(discord).toHaveCount(0);
  await expect(receiver).toBeVisible();
});
