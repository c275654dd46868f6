import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontRole } from '../../../src-core/index.js';

/** Open-licensed fonts shipped with the app (SIL OFL), used when no installed font fits a role. */
export interface BundledFonts {
  serif: string;
  serifBold: string;
  sans: string;
  sansBold: string;
  licenseFiles: string[];
}

const FILES = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/** The packaged app has them in resources/fonts (electron-builder extraResources); development in node_modules. */
export function findBundledFonts(resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath): BundledFonts {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const roots = [
    ...(resourcesPath ? [join(resourcesPath, 'fonts')] : []),
    ...['../../../node_modules', '../../../../node_modules'].map((p) => resolve(here, p)),
  ];
  const find = (relative: string): string => {
    for (const root of roots) {
      const flat = join(root, relative.split('/').pop() ?? '');
      if (existsSync(flat)) return flat;
      const nested = join(root, relative);
      if (existsSync(nested)) return nested;
    }
    throw new Error(`bundled font missing: ${relative}`);
  };
  const licenses = roots.flatMap((root) => [
    join(root, 'OFL-NotoSerifSC.txt'),
    join(root, 'OFL-NotoSansSC.txt'),
    join(root, '@expo-google-fonts/noto-serif-sc/LICENSE_FONT'),
    join(root, '@expo-google-fonts/noto-sans-sc/LICENSE_FONT'),
  ]);
  return {
    serif: find(FILES.serif),
    serifBold: find(FILES.serifBold),
    sans: find(FILES.sans),
    sansBold: find(FILES.sansBold),
    licenseFiles: licenses.filter((f) => existsSync(f)),
  };
}

/** Which bundled face stands in for each role, and its display name. */
export function bundledFaceFor(role: FontRole, fonts: BundledFonts): { file: string; family: string; bold: boolean } {
  switch (role) {
    case 'hei':
      return { file: fonts.sans, family: 'Noto Sans SC', bold: false };
    case 'xiaobiaosong':
      return { file: fonts.serifBold, family: 'Noto Serif SC Bold', bold: true };
    default:
      return { file: fonts.serif, family: 'Noto Serif SC', bold: false };
  }
}
