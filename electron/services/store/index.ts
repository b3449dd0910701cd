// The public surface of the project store; everything else in this folder is internal.
export { openProjectForReading, openProjectStore } from './open-project-store.ts';
export type { ProjectStoreOptions } from './open-project-store.ts';
export { ProjectStore } from './project-store.ts';
export type { AnchorUpdate, AnnotationInput, AnnotationPatch, Placement } from './store-inputs.ts';
export type { AnnotationFilter } from './annotation-table.ts';
export type { TagWithUsage } from './tag-table.ts';
export type { JsonValue } from './json-value.ts';
export type { StoreDiagnostics } from './open-database.ts';
export { listBackups, restoreBackup, DEFAULT_BACKUP_POLICY } from './backups.ts';
export type { BackupInfo, BackupKind, BackupPolicy } from './backups.ts';
export { MIGRATIONS } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { resolveProjectFile, PROJECT_FILE_NAME } from './project-file.ts';
export type { ProjectLocation } from './project-file.ts';
export { StoreError, StoreCorruptError } from './store-errors.ts';
export type { StoreErrorCode } from './store-errors.ts';
