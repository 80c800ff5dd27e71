"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** Disabled while its form is being sent, so a double click sends it once. */
export function SubmitButton({ children, pendingLabel }: { children: React.ReactNode; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
