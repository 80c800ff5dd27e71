"use client";

import { useRef, useState, type FormEvent } from "react";
import { checkAll, type Checks } from "@/lib/forms/checks";

/**
 * A form's checks in the browser, the way react-hook-form runs them (which the other forms use):
 * on submit every field is checked and the first wrong one takes the focus; from then on a
 * field's message follows what is typed. Values are read from the form itself (uncontrolled
 * inputs named after the fields). For the public entry pages (login, Paga fattura), whose
 * JavaScript budget react-hook-form and zod alone would exceed.
 */
export function useCheckedForm<N extends string>(checks: Checks<N>) {
  const [errors, setErrors] = useState<Partial<Record<N, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const submitted = useRef(false);
  const names = Object.keys(checks) as N[];

  const read = (form: HTMLFormElement) => {
    const data = new FormData(form);
    return Object.fromEntries(names.map((n) => [n, String(data.get(n) ?? "")])) as Record<N, string>;
  };

  function handleSubmit(onValid: (values: Record<N, string>) => unknown) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (submitting) return;
      submitted.current = true;
      const form = event.currentTarget;
      const values = read(form);
      const found = checkAll(checks, values);
      setErrors(found);
      const first = names.find((n) => found[n]);
      if (first) {
        const field = form.elements.namedItem(first);
        ((field instanceof RadioNodeList ? field[0] : field) as HTMLElement | null)?.focus();
        return;
      }
      setSubmitting(true);
      try {
        await onValid(values);
      } finally {
        setSubmitting(false);
      }
    };
  }

  function handleChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name as N;
    if (!submitted.current || !names.includes(name)) return;
    const message = checks[name](read(event.currentTarget)[name]);
    setErrors((prev) => {
      const next = { ...prev };
      if (message) next[name] = message;
      else delete next[name];
      return next;
    });
  }

  return { errors, submitting, handleSubmit, handleChange };
}
