/** The public surface of the domain core, shared by the main process, the CLI and the renderer. */
export * from './i18n/locale.js';
export * from './template/templateSchema.js';
export * from './template/tableModel.js';
export * from './template/loadTemplate.js';
export * from './report/reportSchema.js';
export * from './report/cellValue.js';
export * from './report/lexicalText.js';
export * from './report/migrations.js';
export * from './report/parseReport.js';
export * from './report/newReport.js';
export * from './checks/finding.js';
export * from './checks/checkReport.js';
export * from './checks/deriveComputedCells.js';
export * from './document/documentModel.js';
export * from './document/tableLayout.js';
export * from './document/buildDocumentModel.js';
export * from './document/lineBreaking.js';
