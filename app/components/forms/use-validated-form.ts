import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type FieldValues } from "react-hook-form";
import type { ZodType } from "zod";
import type { FieldErrors, FormValues } from "~/utils/form-data";

export interface ServerFormState {
  errors?: FieldErrors;
  values?: FormValues;
}

/**
 * react-hook-form with the route's zod schema: the browser checks first, the
 * server checks again with the same schema. The form still posts natively, so
 * it behaves the same with JavaScript off. Errors are i18n keys.
 */
export function useValidatedForm<T extends FieldValues>(schema: ZodType<T>, server: ServerFormState | undefined) {
  const form = useForm<T>({
    resolver: zodResolver(schema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const submit = useSubmit();
  const clientErrors: FieldErrors = {};
  for (const [name, error] of Object.entries(form.formState.errors)) {
    if (error && typeof error.message === "string") clientErrors[name] = error.message;
  }
  const errors = form.formState.isSubmitted && !form.formState.isSubmitSuccessful ? clientErrors : (server?.errors ?? {});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? formElement))(event);
  }

  return { register: form.register, setValue: form.setValue, errors, onSubmit, values: server?.values ?? {} };
}
