import { useState } from 'react';
import type { ApiError } from '@web/api/client.ts';
import { serverFieldErrors, validateAnswers, type RawAnswers } from '@web/attendance/form-state.ts';
import type { ErrorField } from '@shared/errors.ts';
import type { FormDefinition } from '@shared/forms/form-definition.ts';

/**
 * What a hosted form tells the person about their answers: the shared validation's message on a
 * field once it was left or the form was sent, and the server's refusals on the fields it names.
 */
export function useFormFeedback(definition: FormDefinition, answers: RawAnswers) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [serverFields, setServerFields] = useState<ErrorField[]>([]);

  const validation = validateAnswers(definition, answers);
  const clientErrors: Record<string, string> = validation.ok
    ? {}
    : Object.fromEntries([...validation.errors].reverse().map((e) => [e.field, e.message]));
  const serverErrors = serverFieldErrors(serverFields, 'body.formData.');
  const show = (id: string) => submitted || touched.has(id);

  return {
    validation,
    submitted,
    serverError,
    serverFields,
    show,
    /** Server messages for the citizen block (`body.citizen.document` → `document`). */
    citizenServer: serverFieldErrors(serverFields, 'body.citizen.'),
    errorOf: (id: string) => serverErrors[id] ?? (show(id) ? clientErrors[id] : undefined),
    touch: (id: string) => setTouched((current) => new Set(current).add(id)),
    clearServer: (path: string) =>
      setServerFields((current) => current.filter((field) => field.field !== path)),
    /** The person tried to send: every message shows from now on. */
    markSubmitted: () => setSubmitted(true),
    /** The answers go to the server: its earlier refusals no longer stand. */
    clearRefusal: () => {
      setServerError(null);
      setServerFields([]);
    },
    refused: (error: ApiError) => {
      setServerError(error);
      setServerFields(error.fields);
    },
  };
}
