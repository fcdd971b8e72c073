/** A chosen file as base64 (no data-URL prefix), the way files travel through the contract. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Saves a file the backend produced (`{fileName, mimeType, dataBase64}`) through an
 * `<a download>` link to a blob: the browser (or Electron) asks where to keep it.
 */
export function downloadFile(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the delay only guards slow save dialogs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
