/**
 * The one way the web app talks to the server: fetch with the session cookie, JSON in and
 * out, and every failure turned into an ApiError parsed from `{error, message, field, details}`.
 */

export type ErrorDetails = { reasonZh?: string; lockedUntil?: string; [key: string]: unknown };

export class ApiError extends Error {
  readonly status: number;
  /** the server's code: VALIDATION, UNAUTHENTICATED, LOCKED, PASSWORD_CHANGE_REQUIRED, … or NETWORK */
  readonly code: string;
  readonly field?: string;
  readonly details?: ErrorDetails;
  /** the top-level Chinese reason (the server adds one to every refusal it can word in Chinese) */
  private readonly topReasonZh?: string;
  constructor(status: number, code: string, message: string, opts: { field?: string; details?: ErrorDetails; reasonZh?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.topReasonZh = opts.reasonZh;
  }
  /** the Chinese reason when the server sent one */
  get reasonZh(): string | undefined {
    return typeof this.details?.reasonZh === 'string' ? this.details.reasonZh : this.topReasonZh;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Query = Record<string, string | number | boolean | undefined | null>;
export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** a plain object is sent as JSON; FormData as multipart */
  body?: unknown;
  signal?: AbortSignal;
};

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();

/** Hear about session-wide failures (401 signed out, 403 PASSWORD_CHANGE_REQUIRED) wherever they happen. */
export function onSessionError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; field?: unknown; details?: unknown; reasonZh?: unknown };
    if (body && typeof body === 'object' && typeof body.error === 'string') {
      const details = body.details && typeof body.details === 'object' ? (body.details as ErrorDetails) : undefined;
      return new ApiError(res.status, body.error, typeof body.message === 'string' ? body.message : body.error, {
        field: typeof body.field === 'string' ? body.field : undefined,
        details,
        reasonZh: typeof body.reasonZh === 'string' ? body.reasonZh : undefined,
      });
    }
  } catch {
    // not JSON: fall through
  }
  return new ApiError(res.status, `HTTP_${res.status}`, text.slice(0, 200) || res.statusText || `HTTP ${res.status}`);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', query, body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method, headers, body: payload, credentials: 'include', signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message || 'network error');
  }
  if (!res.ok) {
    const error = await parseError(res);
    const isSessionWide = error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED';
    if (isSessionWide && !path.startsWith('/api/auth/')) listeners.forEach((l) => l(error));
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await res.text()) as T;
  return (await res.json()) as T;
}
