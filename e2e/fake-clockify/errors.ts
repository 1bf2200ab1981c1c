// Clockify's error answers: `{"message", "code"}` with the status and code pairs its clients meet.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
  }
}

/** An id that is unknown, deleted or in another workspace: Clockify answers 400, not 404. */
export function notInWorkspace(entity: string): ApiError {
  return new ApiError(400, 501, `${entity} doesn't belong to Workspace`);
}

/** A well-formed request that breaks a rule (name too short, project required …). */
export function invalid(message: string): ApiError {
  return new ApiError(400, 501, message);
}

/** A value that cannot be read at all (bad query value, bad JSON, wrong time format). */
export function malformed(message: string): ApiError {
  return new ApiError(400, 3000, message);
}

export function accessDenied(): ApiError {
  return new ApiError(403, 501, 'Access Denied');
}
