import path from 'node:path';
import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// Fonts ship with the app (pdfmake's own Roboto files): no system fonts, no network. pdfmake
// may read only those files and fetch no URL, whatever a document definition asks for.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

// Loaded on the first document (~80 ms): most commands and calls never print anything.
let loaded: Promise<typeof pdfmakeModule> | undefined;
function pdfmakeReady() {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({
      Roboto: {
        normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
        bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
        italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
        bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(FONT_DIR + path.sep));
    return pdfmake;
  });
  return loaded;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await pdfmakeReady();
  return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
}
