import { RequestInvalidError } from '../../../http/portal-errors.js';

/**
 * Form data that passed the schema but does not fit the stored data (a location of another
 * case, a task without its period): REQUEST_INVALID naming the field; the completion's
 * transaction rolls back, so nothing is written.
 */
export function formDataMismatch(field: string, message: string): RequestInvalidError {
  return new RequestInvalidError([{ path: `/body/data/${field}`, message }]);
}
