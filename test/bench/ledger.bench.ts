export async function ledgerYear(): Promise<void> {}
