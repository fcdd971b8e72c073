export async function recordsImport(): Promise<void> {}
