import { forwardRef, type ComponentProps } from "react";

type Props = ComponentProps<"input"> & { label: string; error?: string; name: string };

/** A labelled input whose error is tied to it, so screen readers read both. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ label, error, id, name, ...props }, ref) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  // Typed exactly as they are: a phone's keyboard must not capitalise or "correct" them.
  const exact = props.type === "email" || props.type === "password" || ["username", "email", "one-time-code"].includes(props.autoComplete ?? "");
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        ref={ref}
        id={inputId}
        name={name}
        className="input"
        autoCapitalize={exact ? "none" : undefined}
        autoCorrect={exact ? "off" : undefined}
        spellCheck={exact ? false : undefined}
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
