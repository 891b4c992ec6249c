/**
 * Uploads a file as multipart/form-data with upload progress. `fetch` cannot report request body
 * progress in browsers, so this uses XMLHttpRequest's `upload.onprogress`.
 */
import { ApiError } from '../../api/api-error.js';

/** Sends `file` in the form field `file`; `onProgress` gets 0..1; resolves with the JSON body. */
export function uploadWithProgress<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'Netzwerkfehler beim Hochladen'));
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as typeof body) : {};
      } catch {
        // a non-JSON answer (a proxy's error page) falls through to the status text
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      reject(
        new ApiError(
          request.status,
          typeof body.code === 'string' ? body.code : `HTTP_${request.status}`,
          typeof body.detail === 'string' ? body.detail : request.statusText,
          Array.isArray(body.errors) ? (body.errors as { path: string; message: string }[]) : [],
        ),
      );
    };
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}
