/**
 * Moved to `workers/storage/file-object-store.ts` (object storage serves every worker, not only the
 * snapshot); this re-export keeps the paths outside `workers/` that still name it working.
 */
export * from '../storage/file-object-store.js';
