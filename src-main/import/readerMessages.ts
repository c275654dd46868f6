import type { Localized } from '../../src-core/index.js';

/**
 * Why a file could not be read, for the user: each message names the file and says what to do.
 * zh-CN first; the English says the same.
 */
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const OTHER_FORMATS_ZH = '请改用 Word 文件（.docx）、从政府网站保存的网页（.html）或带文字层的 PDF。';
const OTHER_FORMATS_EN = 'Import the Word file (.docx), the web page saved from the government website (.html) or a PDF with a text layer instead.';

export const readerMessages = {
  empty: (file: string): Localized => ({
    'zh-CN': `“${file}”是空文件（0 字节），没有可导入的内容。请确认文件已完整保存或下载。`,
    en: `"${file}" is empty (0 bytes): there is nothing to import. Check that the file was saved or downloaded completely.`,
  }),
  unknownFormat: (file: string): Localized => ({
    'zh-CN': `无法识别“${file}”的格式（不是 Word、网页或 PDF 文件）。${OTHER_FORMATS_ZH}`,
    en: `The format of "${file}" is not recognised (it is not a Word, web page or PDF file). ${OTHER_FORMATS_EN}`,
  }),
  zipNotDocx: (file: string): Localized => ({
    'zh-CN': `“${file}”是压缩包，但不是 Word 文档（其中没有 word/document.xml）。请在 Word 或 WPS 中打开报告并另存为 .docx 后再导入。`,
    en: `"${file}" is a zip archive but not a Word document (it has no word/document.xml). Open the report in Word or WPS, save it as .docx and import that.`,
  }),
  brokenDocx: (file: string): Localized => ({
    'zh-CN': `“${file}”已损坏或不完整，无法作为 Word 文档读取。请在 Word 或 WPS 中打开并重新另存为 .docx，或重新下载后再导入。`,
    en: `"${file}" is damaged or incomplete and cannot be read as a Word document. Open it in Word or WPS and save it again as .docx, or download it again.`,
  }),
  docxTooBig: (file: string, limit: number): Localized => ({
    'zh-CN': `“${file}”解压后超过 ${mib(limit)} 或文件条目过多，不像一份年度报告，已停止读取。请确认选对了文件。`,
    en: `"${file}" unpacks to more than ${mib(limit)} or has too many entries, which is not what an annual report looks like, so reading stopped. Check that this is the right file.`,
  }),
  brokenPdf: (file: string): Localized => ({
    'zh-CN': `“${file}”已损坏或不完整，无法作为 PDF 读取。请重新下载该 PDF，或${OTHER_FORMATS_ZH.slice(1)}`,
    en: `"${file}" is damaged or incomplete and cannot be read as a PDF. Download it again, or ${OTHER_FORMATS_EN.charAt(0).toLowerCase()}${OTHER_FORMATS_EN.slice(1)}`,
  }),
  encryptedPdf: (file: string): Localized => ({
    'zh-CN': `“${file}”设置了打开密码，无法读取。请取得未加密的版本，或${OTHER_FORMATS_ZH.slice(1)}`,
    en: `"${file}" is password-protected and cannot be read. Get an unprotected copy, or ${OTHER_FORMATS_EN.charAt(0).toLowerCase()}${OTHER_FORMATS_EN.slice(1)}`,
  }),
  pdfWithoutText: (file: string): Localized => ({
    'zh-CN': `“${file}”是扫描件或图片 PDF，没有文字层；本软件不支持文字识别（OCR）。请导入该报告的 Word 文件或政府网站上的网页版本。`,
    en: `"${file}" is a scanned or image-only PDF with no text layer; OCR is not supported. Import the report's Word file or its web page from the government website instead.`,
  }),
  tooSlow: (file: string, seconds: number): Localized => ({
    'zh-CN': `读取“${file}”超过 ${seconds} 秒仍未完成，已停止。文件可能过大或已损坏；${OTHER_FORMATS_ZH}`,
    en: `Reading "${file}" took more than ${seconds} seconds and was stopped. The file may be too large or damaged; ${OTHER_FORMATS_EN.charAt(0).toLowerCase()}${OTHER_FORMATS_EN.slice(1)}`,
  }),
  htmlWithoutText: (file: string): Localized => ({
    'zh-CN': `“${file}”是网页，但其中找不到报告正文。请在浏览器中打开报告页面，确认正文已显示后用“另存为 → 网页，全部”保存，再导入。`,
    en: `"${file}" is a web page but no report text was found in it. Open the report page in a browser, wait for the text to show, save it with "Save as → Web page, complete" and import that.`,
  }),
  docNeedsOffice: (file: string): Localized => ({
    'zh-CN': `“${file}”是旧版 Word/WPS 格式（.doc/.wps），需要 LibreOffice 才能读取，而本机未找到。请在 Word 或 WPS 中打开它，另存为 .docx 后再导入。`,
    en: `"${file}" is an old Word/WPS file (.doc/.wps), which needs LibreOffice to read, and LibreOffice was not found. Open it in Word or WPS, save it as .docx and import that.`,
  }),
  docConversionFailed: (file: string, why: string): Localized => ({
    'zh-CN': `LibreOffice 未能转换“${file}”（${why}）。请在 Word 或 WPS 中打开它，另存为 .docx 后再导入。`,
    en: `LibreOffice could not convert "${file}" (${why}). Open it in Word or WPS, save it as .docx and import that.`,
  }),
};
