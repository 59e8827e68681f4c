import type { z } from 'zod';
import { getLanguage } from '../i18n/language-store.ts';
import { ApiError, readApiError } from './api-error.ts';
import { ensureCsrfToken, forgetCsrfToken } from './api-client.ts';

export interface UploadProgress {
  loadedBytes: number;
  totalBytes: number;
}

interface UploadOptions<S extends z.ZodType> {
  /** The multipart part that carries the file. */
  fieldName: string;
  schema: S;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Sends one file as multipart/form-data with XMLHttpRequest, because fetch cannot report upload
 * progress. Rejects with ApiError like apiRequest (code `network` when there was no answer, also
 * when `signal` aborted it); a stale CSRF token is fetched anew and the upload tried once more.
 */
export async function uploadFile<S extends z.ZodType>(path: string, file: File, options: UploadOptions<S>): Promise<z.output<S>> {
  let response = await send(path, file, options, await ensureCsrfToken());
  if (response.status === 403) {
    const error = await readApiError(response.clone());
    if (error.code !== 'csrf') throw error;
    forgetCsrfToken();
    response = await send(path, file, options, await ensureCsrfToken());
  }
  if (!response.ok) throw await readApiError(response);
  return options.schema.parse(await response.json());
}

/** The answer as a fetch Response, so that api-error.ts reads it exactly as it reads the others. */
function send<S extends z.ZodType>(path: string, file: File, options: UploadOptions<S>, token: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const form = new FormData();
    form.append(options.fieldName, file, file.name);
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', getLanguage());
    request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => {
      options.onProgress?.({ loadedBytes: event.loaded, totalBytes: event.lengthComputable ? event.total : file.size });
    };
    request.onload = () => {
      const headers = new Headers();
      for (const name of ['content-type', 'retry-after']) {
        const value = request.getResponseHeader(name);
        if (value !== null) headers.set(name, value);
      }
      resolve(new Response(request.status === 204 ? null : request.responseText, { status: request.status, headers }));
    };
    const fail = () => reject(new ApiError({ status: 0, code: 'network' }));
    request.onerror = fail;
    request.onabort = fail;
    request.ontimeout = fail;
    if (options.signal?.aborted) return fail();
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
