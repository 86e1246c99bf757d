/**
 * True for GitHub App bots and other bot accounts, Specwright included (`specwright[bot]`):
 * their events never trigger work, so bots cannot start loops or run up costs.
 */
export function isBotAccount(
  account: { login: string; type?: string | undefined } | null | undefined,
): boolean {
  if (!account) return false;
  return account.type === "Bot" || account.login.toLowerCase().endsWith("[bot]");
}
