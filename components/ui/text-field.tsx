import { forwardRef, type ComponentProps } from "react";

type Props = ComponentProps<"input"> & { label: string; error?: string; name: string };

/** A labelled input whose error is tied to it, so screen readers read both. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ label, error, id, name, ...props }, ref) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        ref={ref}
        id={inputId}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...props}
      />
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
});
